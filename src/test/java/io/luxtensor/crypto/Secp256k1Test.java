package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.InvalidSignatureException.Reason;
import io.luxtensor.testing.Vectors;
import java.math.BigInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class Secp256k1Test {
  private static final BigInteger P =
      new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);
  private static final byte[] HASH = Keccak256.hash(new byte[] {1, 2, 3});
  private static final PrivateKey KEY = PrivateKey.fromBytes(
      Hex.decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));

  /**
   * ethereum/tests BasicTests/keyaddrtest.json: private key to address. Its {@code sig_of_emptystring} entries are
   * not used: they come from a pre-EIP-2 signer (one has a high s) over an undocumented message encoding, and recover
   * to the listed address from none of keccak256(""), sha256("") or the zero hash.
   */
  @TestFactory
  Stream<DynamicTest> keyAddressVectors() {
    JsonNode cases = Vectors.json("ethereum-tests/BasicTests/keyaddrtest.json");
    return StreamSupport.stream(cases.spliterator(), false).map(c -> Vectors.vectorCase(c.get("seed").asText(), () -> {
      PrivateKey key = PrivateKey.fromBytes(Hex.decode(c.get("key").asText()));
      assertArrayEquals(Hex.decode(c.get("addr").asText()), key.publicKey().address());
    }));
  }

  @Test
  void keccakOfEmptyInputIsTheKnownConstant() {
    assertEquals("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        Hex.encode(Keccak256.hash(new byte[0])));
  }

  @Test
  void hardhatFirstAccountKeyGivesItsAddress() {
    assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", Hex.encode(KEY.publicKey().address()));
  }

  @Test
  void signaturesAreLowSAndRecoverAndVerify() {
    Signature signature = Secp256k1.sign(HASH, KEY);
    assertTrue(signature.s().compareTo(Secp256k1.HALF_N) <= 0);
    assertEquals(KEY.publicKey(), Secp256k1.recover(HASH, signature));
    assertTrue(Secp256k1.verify(HASH, signature, KEY.publicKey()));
    PrivateKey other = PrivateKey.fromScalar(BigInteger.TWO);
    assertFalse(Secp256k1.verify(HASH, signature, other.publicKey()));
    assertEquals(signature, Secp256k1.sign(HASH, KEY), "deterministic");
  }

  @Test
  void highSIsRejectedByRecoveryAndVerification() {
    Signature low = Secp256k1.sign(HASH, KEY);
    Signature high = new Signature(low.r(), Secp256k1.N.subtract(low.s()), low.recoveryId() ^ 1);
    assertReason(Reason.S_NOT_LOW, () -> Secp256k1.recover(HASH, high));
    assertReason(Reason.S_NOT_LOW, () -> Secp256k1.verify(HASH, high, KEY.publicKey()));
  }

  @Test
  void outOfRangeComponentsAreRejected() {
    Signature good = Secp256k1.sign(HASH, KEY);
    assertReason(Reason.R_OUT_OF_RANGE, () -> Secp256k1.recover(HASH, new Signature(BigInteger.ZERO, good.s(), 0)));
    assertReason(Reason.R_OUT_OF_RANGE, () -> Secp256k1.recover(HASH, new Signature(Secp256k1.N, good.s(), 0)));
    assertReason(Reason.S_OUT_OF_RANGE, () -> Secp256k1.recover(HASH, new Signature(good.r(), BigInteger.ZERO, 0)));
    assertReason(Reason.S_OUT_OF_RANGE, () -> Secp256k1.recover(HASH, new Signature(good.r(), Secp256k1.N, 0)));
    assertReason(Reason.S_OUT_OF_RANGE,
        () -> Secp256k1.verify(HASH, new Signature(good.r(), BigInteger.ZERO, 0), KEY.publicKey()));
  }

  @Test
  void recoveryIdsOtherThanZeroAndOneAreRejected() {
    Signature good = Secp256k1.sign(HASH, KEY);
    for (int id : new int[] {2, 3, -1, 27}) {
      assertReason(Reason.RECOVERY_ID_INVALID,
          () -> Secp256k1.recover(HASH, new Signature(good.r(), good.s(), id)));
    }
  }

  @Test
  void rWithoutACurvePointIsRejected() {
    BigInteger r = BigInteger.ONE;
    while (isQuadraticResidue(r.pow(3).add(BigInteger.valueOf(7)).mod(P))) {
      r = r.add(BigInteger.ONE);
    }
    Signature signature = new Signature(r, BigInteger.ONE, 0);
    assertReason(Reason.R_NOT_ON_CURVE, () -> Secp256k1.recover(HASH, signature));
  }

  @Test
  void malformedKeysAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> PrivateKey.fromBytes(new byte[32]));
    assertThrows(IllegalArgumentException.class, () -> PrivateKey.fromScalar(Secp256k1.N));
    assertThrows(IllegalArgumentException.class, () -> PrivateKey.fromBytes(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> PublicKey.fromBytes(new byte[64]));
    assertThrows(IllegalArgumentException.class, () -> PublicKey.fromBytes(new byte[63]));
    assertEquals(KEY.publicKey(), PublicKey.fromBytes(KEY.publicKey().toBytes()));
    assertFalse(KEY.toString().contains("ac09"), "private keys never print");
  }

  private static boolean isQuadraticResidue(BigInteger value) {
    return value.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
  }

  private static void assertReason(Reason reason, org.junit.jupiter.api.function.Executable call) {
    assertEquals(reason, assertThrows(InvalidSignatureException.class, call).reason());
  }
}
