package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.luxtensor.testing.SeededRandom;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The system's libsecp256k1 and BouncyCastle recover the same key from 10,000 signatures of random keys over random
 * hashes, make the same 10,000 signatures (RFC 6979 nonces, low s, recovery id), and agree on which of 2,000 random
 * (r, s, recovery id) have a key at all. Fails where the library is
 * missing: CI installs it (.ci/run), and a node without it is four times slower at admitting transactions.
 */
class NativeSecp256k1Test {
  private static final NativeSecp256k1 NATIVE = NativeSecp256k1.load().orElseGet(() -> fail(
      "libsecp256k1 did not load: install it (apt-get install libsecp256k1-1; .ci/run does)"));

  @Test
  void nativeAndJavaRecoverTheSameKeysFromTenThousandSignatures() {
    SecureRandom random = SeededRandom.of(256);
    for (int i = 0; i < 10_000; i++) {
      PrivateKey key = PrivateKey.random(random);
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      Signature signature = Secp256k1.sign(hash, key);
      byte[] expected = Secp256k1.publicKeyOf(key).toBytes();
      assertArrayEquals(expected, Secp256k1.recoverWithBouncyCastle(hash, signature).toBytes(), "BouncyCastle");
      assertArrayEquals(expected, NATIVE.recover(hash, Arrays.copyOf(signature.toBytes(), 64),
          signature.recoveryId()).orElseThrow(), "libsecp256k1, signature " + i);
    }
  }

  @Test
  void nativeAndJavaMakeTheSameTenThousandSignatures() {
    SecureRandom random = SeededRandom.of(258);
    for (int i = 0; i < 10_000; i++) {
      PrivateKey key = PrivateKey.random(random);
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      Signature java = Secp256k1.signWithBouncyCastle(hash, key);
      byte[] compact = NATIVE.sign(hash, key.toBytes()).orElseThrow();
      assertEquals(java, new Signature(new BigInteger(1, Arrays.copyOfRange(compact, 0, 32)),
          new BigInteger(1, Arrays.copyOfRange(compact, 32, 64)), compact[64]), "signature " + i);
      assertEquals(java, Secp256k1.sign(hash, key), "what the node signs with, " + i);
    }
  }

  @Test
  void bothAgreeOnRandomComponentsWithAndWithoutAKey() {
    SecureRandom random = SeededRandom.of(257);
    int withoutKey = 0;
    for (int i = 0; i < 2_000; i++) {
      Signature signature = new Signature(below(Secp256k1.N, random), below(Secp256k1.HALF_N, random),
          random.nextInt(2));
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      Optional<byte[]> fromNative = NATIVE.recover(hash, Arrays.copyOf(signature.toBytes(), 64),
          signature.recoveryId());
      try {
        byte[] fromJava = Secp256k1.recoverWithBouncyCastle(hash, signature).toBytes();
        assertArrayEquals(fromJava, fromNative.orElseThrow(), "signature " + signature);
      } catch (InvalidSignatureException e) {
        assertTrue(fromNative.isEmpty(), "libsecp256k1 found a key where BouncyCastle found none: " + e.reason());
        withoutKey++;
      }
    }
    // About half of all r are no x-coordinate of a curve point: the refusals were exercised too.
    assertTrue(withoutKey > 800 && withoutKey < 1_200, withoutKey + " of 2,000 without a key");
  }

  @Test
  void theNodeRecoversNativelyAndStillNamesWhyASignatureHasNoKey() {
    assertEquals("libsecp256k1 (native)", Secp256k1.recoveryBackend());
    byte[] hash = new byte[32];
    // r = 5: 125 + 7 = 132 is no square mod p, so no point has x = 5.
    InvalidSignatureException refused = org.junit.jupiter.api.Assertions.assertThrows(
        InvalidSignatureException.class, () -> Secp256k1.recoverOnce(hash, new Signature(BigInteger.valueOf(5),
            BigInteger.ONE, 0)));
    assertEquals(InvalidSignatureException.Reason.R_NOT_ON_CURVE, refused.reason());
  }

  private static BigInteger below(BigInteger bound, SecureRandom random) {
    BigInteger value;
    do {
      value = new BigInteger(bound.bitLength(), random);
    } while (value.signum() == 0 || value.compareTo(bound) >= 0);
    return value;
  }
}
