package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.testing.SeededRandom;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The cache of recovered keys changes the cost of recovery, never its answer, and stays bounded. */
class RecoveredKeyCacheTest {
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
  void itKeepsTheNewestGenerationAndForgetsTheOldest() {
    RecoveredKeyCache cache = new RecoveredKeyCache();
    PublicKey value = PrivateKey.random(random).publicKey();
    Signature signature = Secp256k1.sign(Keccak256.hash(new byte[] {9}), PrivateKey.random(random));
    int total = 2 * RecoveredKeyCache.GENERATION_ENTRIES + 1;
    for (int i = 0; i < total; i++) {
      cache.put(message(i), signature, value);
    }
    assertTrue(cache.get(message(0), signature).isEmpty(), "two generations on, the first entry is gone");
    assertEquals(value, cache.get(message(total - 1), signature).orElseThrow());
    assertEquals(value, cache.get(message(RecoveredKeyCache.GENERATION_ENTRIES + 1), signature).orElseThrow(),
        "the previous generation still answers");
  }

  private static byte[] message(int i) {
    return Keccak256.hash(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)});
  }
}
