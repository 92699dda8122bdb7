package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Bip32Exception.Reason;
import io.luxtensor.crypto.ExtendedKey.Position;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The BIP's rejection of invalid derived keys, tested with chosen HMAC outputs (a real seed hits one with odds 2^-127). */
class ExtendedPrivateKeyTest {
  private static final BigInteger N = Secp256k1.N;
  private static final ExtendedPrivateKey MASTER = ExtendedPrivateKey.fromSeed(Hex.decode("000102030405060708090a0b0c0d0e0f"));

  @Test
  void leftHalfAtLeastNIsInvalid() {
    assertInvalid(hmac(N), BigInteger.ZERO, Position.MASTER);
    assertInvalid(hmac(N.add(BigInteger.ONE)), BigInteger.ONE, new Position(1, 0, 0));
    assertInvalid(hmac(BigInteger.TWO.pow(256).subtract(BigInteger.ONE)), BigInteger.ONE, new Position(1, 0, 0));
  }

  @Test
  void zeroKeyIsInvalid() {
    assertInvalid(hmac(BigInteger.ZERO), BigInteger.ZERO, Position.MASTER);
    BigInteger parent = BigInteger.valueOf(12345);
    assertInvalid(hmac(N.subtract(parent)), parent, new Position(1, 0, 0));
  }

  @Test
  void justBelowTheLimitsIsValid() {
    assertEquals(N.subtract(BigInteger.ONE),
        ExtendedPrivateKey.fromHmac(hmac(N.subtract(BigInteger.ONE)), BigInteger.ZERO, Position.MASTER).privateKey().scalar());
    assertEquals(BigInteger.ONE,
        ExtendedPrivateKey.fromHmac(hmac(N.subtract(BigInteger.ONE)), BigInteger.TWO, new Position(1, 0, 0)).privateKey().scalar());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 15, 65, 1000})
  void seedLengthIsBip32s(int length) {
    assertThrows(IllegalArgumentException.class, () -> ExtendedPrivateKey.fromSeed(new byte[length]));
  }

  @Test
  void derivationStopsAtTheDepthSerializationCanRecord() {
    ExtendedPrivateKey deepest = MASTER.derive(DerivationPath.parse("m" + "/0".repeat(DerivationPath.DEPTH_MAX)));
    assertEquals(DerivationPath.DEPTH_MAX, deepest.position().depth());
    assertEquals(Reason.TOO_DEEP, assertThrows(Bip32Exception.class, () -> deepest.deriveChild(0)).reason());
  }

  @Test
  void toStringRevealsNoKey() {
    String shown = MASTER.toString();
    assertFalse(shown.contains(Hex.encodeNoPrefix(MASTER.privateKey().toBytes())));
    assertFalse(shown.contains(MASTER.toBase58()));
    assertFalse(shown.contains(Hex.encodeNoPrefix(MASTER.chainCode())));
  }

  private static void assertInvalid(byte[] hmac, BigInteger parent, Position position) {
    assertEquals(Reason.INVALID_DERIVED_KEY,
        assertThrows(Bip32Exception.class, () -> ExtendedPrivateKey.fromHmac(hmac, parent, position)).reason());
  }

  /** An HMAC output whose left half is {@code left} and whose right half (the chain code) is 0x11 bytes. */
  private static byte[] hmac(BigInteger left) {
    byte[] out = new byte[64];
    System.arraycopy(Secp256k1.toBytes32(left), 0, out, 0, 32);
    Arrays.fill(out, 32, 64, (byte) 0x11);
    return out;
  }
}
