package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.testing.SeededRandom;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The caches of recovered keys and verified VRF proofs change the cost of crypto, never its answer. */
class GenerationalCacheTest {
  private final SecureRandom random = SeededRandom.of(11);

  @Test
  void aKnownSignatureOverAnotherMessageIsRecoveredAfresh() {
    PrivateKey key = PrivateKey.random(random);
    byte[] message = Keccak256.hash(new byte[] {1});
    byte[] other = Keccak256.hash(new byte[] {2});
    Signature signature = Secp256k1.sign(message, key);

    assertEquals(key.publicKey(), Secp256k1.recover(message, signature));
    assertEquals(key.publicKey(), Secp256k1.recover(message, signature), "the second time, from the cache");
    PublicKey forOther = Secp256k1.recover(other, signature);
    assertEquals(Secp256k1.recoverUncached(other, signature), forOther);
    assertNotEquals(key.publicKey(), forOther, "the cache is keyed by message and signature, not signature alone");
  }

  @Test
  void aVerifiedProofDoesNotVouchForAnotherInputOrKey() {
    byte[] secret = Keccak256.hash(new byte[] {3});
    byte[] publicKey = Ecvrf.publicKey(secret);
    byte[] alpha = {1, 2, 3};
    byte[] proof = Ecvrf.prove(secret, alpha);

    byte[] output = Ecvrf.verify(publicKey, proof, alpha);
    assertArrayEquals(Ecvrf.verifyUncached(publicKey, proof, alpha), output);
    output[0] ^= 1;
    assertArrayEquals(Ecvrf.verifyUncached(publicKey, proof, alpha), Ecvrf.verify(publicKey, proof, alpha),
        "a caller changing its copy does not change the cached output");
    assertThrows(InvalidVrfProofException.class, () -> Ecvrf.verify(publicKey, proof, new byte[] {1, 2, 4}),
        "the same proof over another input is checked, and fails");
    byte[] otherKey = Ecvrf.publicKey(Keccak256.hash(new byte[] {4}));
    assertThrows(InvalidVrfProofException.class, () -> Ecvrf.verify(otherKey, proof, alpha));
  }

  @Test
  void itKeepsTheNewestGenerationAndForgetsTheOldest() {
    int generation = 100;
    GenerationalCache<Integer, String> cache = new GenerationalCache<>(generation);
    int total = 2 * generation + 1;
    for (int i = 0; i < total; i++) {
      cache.put(i, "v" + i);
    }
    assertTrue(cache.get(0).isEmpty(), "two generations on, the first entry is gone");
    assertEquals("v" + (total - 1), cache.get(total - 1).orElseThrow());
    assertEquals("v" + (generation + 1), cache.get(generation + 1).orElseThrow(),
        "the previous generation still answers");
  }
}
