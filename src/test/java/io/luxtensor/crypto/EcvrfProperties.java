package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.luxtensor.crypto.InvalidVrfProofException.Reason;
import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Each try does a few P-256 multiplications (about a millisecond each), hence the modest numbers of tries. */
class EcvrfProperties {
  private static final BigInteger P256_Q = new BigInteger(
      "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

  @Property(tries = 200)
  void proofsVerifyForTheirInputOnly(@ForAll("secretKeys") byte[] secretKey, @ForAll @Size(max = 200) byte[] alpha) {
    byte[] publicKey = Ecvrf.publicKey(secretKey);
    byte[] proof = Ecvrf.prove(secretKey, alpha);

    byte[] beta = Ecvrf.verify(publicKey, proof, alpha);
    assertEquals(Ecvrf.OUTPUT_BYTES, beta.length);
    assertArrayEquals(Ecvrf.proofToHash(proof), beta);

    byte[] longerAlpha = Arrays.copyOf(alpha, alpha.length + 1);
    InvalidVrfProofException rejected =
        assertThrows(InvalidVrfProofException.class, () -> Ecvrf.verify(publicKey, proof, longerAlpha));
    assertEquals(Reason.CHALLENGE_MISMATCH, rejected.reason());
  }

  @Property(tries = 200)
  void provingIsDeterministic(@ForAll("secretKeys") byte[] secretKey, @ForAll @Size(max = 200) byte[] alpha) {
    assertArrayEquals(Ecvrf.prove(secretKey, alpha), Ecvrf.prove(secretKey.clone(), alpha.clone()));
  }

  /** Whatever arrives from the network, verification answers with an output or this one exception, never another. */
  @Property(tries = 500)
  void garbageOnlyEverFailsWithInvalidVrfProof(
      @ForAll("publicKeys") byte[] publicKey, @ForAll("proofs") byte[] proof, @ForAll @Size(max = 64) byte[] alpha) {
    assertThrows(InvalidVrfProofException.class, () -> Ecvrf.verify(publicKey, proof, alpha));
    try {
      assertEquals(Ecvrf.OUTPUT_BYTES, Ecvrf.proofToHash(proof).length);
    } catch (InvalidVrfProofException malformed) {
      // The other allowed answer: proofToHash checks the form of a proof, not whether it verifies.
    }
  }

  @Provide
  Arbitrary<byte[]> secretKeys() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ONE, P256_Q.subtract(BigInteger.ONE))
        .map(EcvrfProperties::bytes32);
  }

  /** Real keys, 33 bytes with a compressed prefix (about half of them on the curve), and anything at all. */
  @Provide
  Arbitrary<byte[]> publicKeys() {
    return Arbitraries.oneOf(
        secretKeys().map(Ecvrf::publicKey),
        withCompressedPrefix(Ecvrf.PUBLIC_KEY_BYTES),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(70));
  }

  /** Real proofs with one byte changed, 81 bytes with a compressed prefix, and anything at all. */
  @Provide
  Arbitrary<byte[]> proofs() {
    Arbitrary<byte[]> realProofs =
        Combinators.combine(secretKeys(), Arbitraries.bytes().array(byte[].class).ofMaxSize(16)).as(Ecvrf::prove);
    Arbitrary<byte[]> changed = Combinators.combine(
            realProofs,
            Arbitraries.integers().between(0, Ecvrf.PROOF_BYTES - 1),
            Arbitraries.bytes().filter(mask -> mask != 0))
        .as((proof, position, mask) -> {
          proof[position] ^= mask;
          return proof;
        });
    return Arbitraries.oneOf(
        changed,
        withCompressedPrefix(Ecvrf.PROOF_BYTES),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(100));
  }

  private static Arbitrary<byte[]> withCompressedPrefix(int length) {
    Arbitrary<Byte> prefixes = Arbitraries.of((byte) 0x02, (byte) 0x03);
    return Combinators.combine(prefixes, Arbitraries.bytes().array(byte[].class).ofSize(length))
        .as((prefix, bytes) -> {
          bytes[0] = prefix;
          return bytes;
        });
  }

  private static byte[] bytes32(BigInteger value) {
    byte[] out = new byte[32];
    byte[] raw = value.toByteArray();
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }
}
