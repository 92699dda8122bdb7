package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.InvalidVrfProofException.Reason;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Rejections: a malformed or wrong key, proof or input fails with {@link InvalidVrfProofException} and its reason. */
class EcvrfTest {
  // RFC 9381 Appendix B.1, Example 10; the whole vector is checked in EcvrfVectorTest.
  private static final byte[] SECRET_KEY =
      Hex.decode("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
  private static final byte[] PUBLIC_KEY = Ecvrf.publicKey(SECRET_KEY);
  private static final byte[] ALPHA = "sample".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PROOF = Ecvrf.prove(SECRET_KEY, ALPHA);

  private static final BigInteger P256_P = new BigInteger(
      "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
  private static final BigInteger P256_B = new BigInteger(
      "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
  private static final BigInteger P256_Q = new BigInteger(
      "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
  private static final int S_OFFSET = Ecvrf.PUBLIC_KEY_BYTES + 16;

  @Test
  void theProofVerifiesUnchanged() {
    assertArrayEquals(Ecvrf.proofToHash(PROOF), Ecvrf.verify(PUBLIC_KEY, PROOF, ALPHA));
  }

  /** Each of the 81 bytes, changed by one bit at either end, breaks the proof: Gamma, c or s no longer fit. */
  @TestFactory
  Stream<DynamicTest> aProofWithAnyByteChangedIsRejected() {
    return IntStream.range(0, Ecvrf.PROOF_BYTES).boxed().flatMap(position -> Stream.of(0x01, 0x80).map(bit ->
        dynamicTest("byte " + position + " xor 0x" + Integer.toHexString(bit), () -> {
          byte[] changed = PROOF.clone();
          changed[position] ^= bit;
          assertRejected(changed);
        })));
  }

  @Test
  void aWrongInputIsRejected() {
    assertReason(Reason.CHALLENGE_MISMATCH,
        () -> Ecvrf.verify(PUBLIC_KEY, PROOF, "samplf".getBytes(StandardCharsets.US_ASCII)));
    assertReason(Reason.CHALLENGE_MISMATCH, () -> Ecvrf.verify(PUBLIC_KEY, PROOF, new byte[0]));
  }

  @Test
  void anotherKeysProofIsRejected() {
    byte[] otherKey = Ecvrf.publicKey(scalar(BigInteger.TWO));
    assertReason(Reason.CHALLENGE_MISMATCH, () -> Ecvrf.verify(otherKey, PROOF, ALPHA));
  }

  @Test
  void aProofWithSAtOrAboveTheGroupOrderIsRejected() {
    BigInteger largest = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    for (BigInteger s : new BigInteger[] {P256_Q, P256_Q.add(BigInteger.ONE), largest}) {
      byte[] proof = withS(PROOF, s);
      assertReason(Reason.S_OUT_OF_RANGE, () -> Ecvrf.verify(PUBLIC_KEY, proof, ALPHA));
      assertReason(Reason.S_OUT_OF_RANGE, () -> Ecvrf.proofToHash(proof));
    }
  }

  @Test
  void zeroChallengeOrZeroSIsRejectedNotCrashed() {
    byte[] zeroC = PROOF.clone();
    Arrays.fill(zeroC, Ecvrf.PUBLIC_KEY_BYTES, S_OFFSET, (byte) 0);
    assertReason(Reason.CHALLENGE_MISMATCH, () -> Ecvrf.verify(PUBLIC_KEY, zeroC, ALPHA));
    assertReason(Reason.CHALLENGE_MISMATCH, () -> Ecvrf.verify(PUBLIC_KEY, withS(PROOF, BigInteger.ZERO), ALPHA));
  }

  /** With c = 1 and s = x, U = s*B - c*Y and V = s*H - c*Gamma are both the identity, which still hashes. */
  @Test
  void aProofMakingUAndVTheIdentityIsRejectedNotCrashed() {
    byte[] proof = withS(PROOF, new BigInteger(1, SECRET_KEY));
    Arrays.fill(proof, Ecvrf.PUBLIC_KEY_BYTES, S_OFFSET, (byte) 0);
    proof[S_OFFSET - 1] = 1;
    assertReason(Reason.CHALLENGE_MISMATCH, () -> Ecvrf.verify(PUBLIC_KEY, proof, ALPHA));
  }

  @Test
  void proofsOfTheWrongLengthAreRejected() {
    for (byte[] proof : new byte[][] {
        new byte[0], Arrays.copyOf(PROOF, Ecvrf.PROOF_BYTES - 1), Arrays.copyOf(PROOF, Ecvrf.PROOF_BYTES + 1)}) {
      assertReason(Reason.PROOF_LENGTH_INVALID, () -> Ecvrf.verify(PUBLIC_KEY, proof, ALPHA));
      assertReason(Reason.PROOF_LENGTH_INVALID, () -> Ecvrf.proofToHash(proof));
    }
  }

  @Test
  void aGammaThatIsNotACurvePointIsRejected() {
    byte[] offCurve = PROOF.clone();
    System.arraycopy(compressed(0x02, xOffTheCurve()), 0, offCurve, 0, Ecvrf.PUBLIC_KEY_BYTES);
    byte[] xNotInTheField = PROOF.clone();
    System.arraycopy(compressed(0x03, P256_P), 0, xNotInTheField, 0, Ecvrf.PUBLIC_KEY_BYTES);
    byte[] uncompressedPrefix = PROOF.clone();
    uncompressedPrefix[0] = 0x04;
    for (byte[] proof : new byte[][] {offCurve, xNotInTheField, uncompressedPrefix}) {
      assertReason(Reason.GAMMA_INVALID, () -> Ecvrf.verify(PUBLIC_KEY, proof, ALPHA));
      assertReason(Reason.GAMMA_INVALID, () -> Ecvrf.proofToHash(proof));
    }
  }

  @Test
  void aPublicKeyNotOnTheCurveIsRejected() {
    assertReason(Reason.PUBLIC_KEY_NOT_ON_CURVE,
        () -> Ecvrf.verify(compressed(0x02, xOffTheCurve()), PROOF, ALPHA));
    assertReason(Reason.PUBLIC_KEY_NOT_ON_CURVE,
        () -> Ecvrf.verify(compressed(0x03, xOffTheCurve()), PROOF, ALPHA));
    assertReason(Reason.PUBLIC_KEY_NOT_ON_CURVE, () -> Ecvrf.verify(compressed(0x02, P256_P), PROOF, ALPHA));
  }

  /** Only the compressed form is a public key: the salt of encode_to_curve is the key's bytes, so one key, one form. */
  @Test
  void aPublicKeyThatIsNotThirtyThreeBytesOfCompressedPointIsRejected() {
    byte[] uncompressedPrefix = PUBLIC_KEY.clone();
    uncompressedPrefix[0] = 0x04;
    byte[] identity = new byte[Ecvrf.PUBLIC_KEY_BYTES];
    for (byte[] key : new byte[][] {
        new byte[0], new byte[] {0x00}, Arrays.copyOf(PUBLIC_KEY, 32), Arrays.copyOf(PUBLIC_KEY, 34),
        uncompressedPrefix, identity}) {
      assertReason(Reason.PUBLIC_KEY_MALFORMED, () -> Ecvrf.verify(key, PROOF, ALPHA));
    }
  }

  @Test
  void secretKeysOutsideOneToQMinusOneAreRefused() {
    for (byte[] key : new byte[][] {new byte[32], scalar(P256_Q), new byte[31], new byte[33]}) {
      assertThrows(IllegalArgumentException.class, () -> Ecvrf.publicKey(key));
      assertThrows(IllegalArgumentException.class, () -> Ecvrf.prove(key, ALPHA));
    }
    byte[] largest = scalar(P256_Q.subtract(BigInteger.ONE));
    byte[] proof = Ecvrf.prove(largest, ALPHA);
    assertEquals(Ecvrf.OUTPUT_BYTES, Ecvrf.verify(Ecvrf.publicKey(largest), proof, ALPHA).length);
  }

  private static void assertRejected(byte[] proof) {
    assertThrows(InvalidVrfProofException.class, () -> Ecvrf.verify(PUBLIC_KEY, proof, ALPHA));
  }

  private static void assertReason(Reason expected, Runnable call) {
    InvalidVrfProofException thrown = assertThrows(InvalidVrfProofException.class, call::run);
    assertEquals(expected, thrown.reason());
  }

  private static byte[] withS(byte[] proof, BigInteger s) {
    byte[] out = proof.clone();
    System.arraycopy(scalar(s), 0, out, S_OFFSET, 32);
    return out;
  }

  private static byte[] scalar(BigInteger value) {
    byte[] out = new byte[32];
    byte[] raw = value.toByteArray();
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }

  private static byte[] compressed(int prefix, BigInteger x) {
    byte[] out = new byte[Ecvrf.PUBLIC_KEY_BYTES];
    out[0] = (byte) prefix;
    System.arraycopy(scalar(x), 0, out, 1, 32);
    return out;
  }

  /** The smallest x for which x^3 - 3x + b is not a square mod p (Euler's criterion), so no point has it. */
  private static BigInteger xOffTheCurve() {
    BigInteger exponent = P256_P.subtract(BigInteger.ONE).shiftRight(1);
    BigInteger x = BigInteger.ONE;
    while (true) {
      BigInteger rhs = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(P256_B).mod(P256_P);
      if (rhs.modPow(exponent, P256_P).equals(P256_P.subtract(BigInteger.ONE))) {
        return x;
      }
      x = x.add(BigInteger.ONE);
    }
  }
}
