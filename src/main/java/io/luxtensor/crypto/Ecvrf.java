package io.luxtensor.crypto;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.InvalidVrfProofException.Reason;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * ECVRF-P256-SHA256-TAI, the elliptic-curve verifiable random function of RFC 9381 (suite string 0x01): a hash keyed
 * by a secret key whose output anyone holding the public key can check.
 *
 * <p>It feeds the chain's RANDAO randomness. Each block proposer proves over its input (chain id and epoch) and the
 * block carries the proof; every node verifies it and mixes the output into the epoch's mix. For a valid public key
 * and input there is exactly one output that verifies, and the proof is a deterministic function of key and input, so
 * a proposer cannot grind for a favourable value: its only choice is to publish the one output or withhold the block.
 *
 * <p>Keys are P-256 scalars and 33-byte compressed SEC1 points; proofs are {@code Gamma (33) || c (16) || s (32)};
 * outputs are 32 bytes. Verification runs the RFC's {@code validate_key} step. Proving is not hardened against timing
 * side channels.
 */
public final class Ecvrf {
  /** Bytes of a secret key: the big-endian scalar x. */
  public static final int SECRET_KEY_BYTES = 32;
  /** Bytes of a public key: Y = x*B as a compressed SEC1 point (ptLen). */
  public static final int PUBLIC_KEY_BYTES = 33;
  /** Bytes of a proof: Gamma, c and s. */
  public static final int PROOF_BYTES = 81;
  /** Bytes of an output (beta): one SHA-256 digest. */
  public static final int OUTPUT_BYTES = 32;

  /** 4,096 proofs a generation (one a block): hours of blocks verified at sync ahead of their import. */
  static final int VERIFIED_PROOFS_PER_GENERATION = 4_096;
  static final GenerationalCache<List<Bytes>, byte[]> VERIFIED =
      new GenerationalCache<>(VERIFIED_PROOFS_PER_GENERATION);
  private static final int CHALLENGE_BYTES = 16;
  private static final int SCALAR_BYTES = 32;

  private static final byte SUITE = 0x01;
  private static final byte ENCODE_TO_CURVE_FRONT = 0x01;
  private static final byte CHALLENGE_FRONT = 0x02;
  private static final byte PROOF_TO_HASH_FRONT = 0x03;
  private static final byte DOMAIN_SEPARATOR_BACK = 0x00;
  private static final byte COMPRESSED_EVEN_Y = 0x02;
  private static final byte COMPRESSED_ODD_Y = 0x03;

  /**
   * The counter of try-and-increment is one byte. Each try lands on the curve with probability about 1/2, so running
   * out of counters (odds 2^-256) means a bug, not bad luck.
   */
  private static final int ENCODE_TO_CURVE_TRIES_MAX = 256;

  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256r1");
  private static final ECCurve CURVE = PARAMS.getCurve();
  private static final ECPoint B = PARAMS.getG();
  private static final BigInteger Q = PARAMS.getN();

  private Ecvrf() {}

  /** Y = x*B for the secret scalar x, as 33 bytes of compressed SEC1. */
  public static byte[] publicKey(byte[] secretKey) {
    return pointToString(new FixedPointCombMultiplier().multiply(B, secretScalar(secretKey)));
  }

  /**
   * The 81-byte proof that {@link #proofToHash} of it is this key's output for {@code alpha} (RFC 9381 §5.1). The same
   * key and input always give the same proof.
   *
   * @throws IllegalArgumentException if the secret key is not 32 bytes of a scalar in [1, q-1]
   */
  public static byte[] prove(byte[] secretKey, byte[] alpha) {
    return proveWithSteps(secretKey, alpha).proof();
  }

  /**
   * Checks {@code proof} for {@code alpha} against {@code publicKey} (RFC 9381 §5.3, with key validation) and returns
   * the 32-byte output beta.
   *
   * @throws InvalidVrfProofException naming why the key or proof is rejected
   */
  public static byte[] verify(byte[] publicKey, byte[] proof, byte[] alpha) {
    List<Bytes> inputs = List.of(Bytes.of(publicKey), Bytes.of(proof), Bytes.of(alpha));
    Optional<byte[]> known = VERIFIED.get(inputs);
    if (known.isPresent()) {
      return known.get().clone();
    }
    byte[] output = verifyUncached(publicKey, proof, alpha);
    VERIFIED.put(inputs, output.clone());
    return output;
  }

  /** Verification without the cache: for benchmarks of the arithmetic, and once per proof otherwise. */
  static byte[] verifyUncached(byte[] publicKey, byte[] proof, byte[] alpha) {
    ECPoint y = decodePublicKey(publicKey);
    DecodedProof decoded = decodeProof(proof);
    ECPoint h = encodeToCurve(publicKey, alpha);
    BigInteger minusC = decoded.c().negate().mod(Q);
    ECPoint u = ECAlgorithms.sumOfTwoMultiplies(B, decoded.s(), y, minusC);
    ECPoint v = ECAlgorithms.sumOfTwoMultiplies(h, decoded.s(), decoded.gamma(), minusC);
    if (!challenge(y, h, decoded.gamma(), u, v).equals(decoded.c())) {
      throw new InvalidVrfProofException(Reason.CHALLENGE_MISMATCH);
    }
    return outputOf(decoded.gamma());
  }

  /**
   * The 32-byte output beta a proof commits to (RFC 9381 §5.2), without checking the proof: only {@link #verify} says
   * whether it is the key's output for an input.
   *
   * @throws InvalidVrfProofException if the proof is malformed (length, Gamma, s)
   */
  public static byte[] proofToHash(byte[] proof) {
    return outputOf(decodeProof(proof).gamma());
  }

  /** Proving with the intermediate values that RFC 9381 Appendix B lists for each example. */
  static ProofSteps proveWithSteps(byte[] secretKey, byte[] alpha) {
    BigInteger x = secretScalar(secretKey);
    FixedPointCombMultiplier baseMultiplier = new FixedPointCombMultiplier();
    ECPoint y = baseMultiplier.multiply(B, x);
    ECPoint h = encodeToCurve(pointToString(y), alpha);
    byte[] hString = pointToString(h);
    ECPoint gamma = h.multiply(x);
    BigInteger k = nonce(x, hString);
    ECPoint u = baseMultiplier.multiply(B, k);
    ECPoint v = h.multiply(k);
    BigInteger c = challenge(y, h, gamma, u, v);
    BigInteger s = k.add(c.multiply(x)).mod(Q);

    byte[] proof = new byte[PROOF_BYTES];
    System.arraycopy(pointToString(gamma), 0, proof, 0, PUBLIC_KEY_BYTES);
    System.arraycopy(BigIntegers.asUnsignedByteArray(CHALLENGE_BYTES, c), 0, proof, PUBLIC_KEY_BYTES, CHALLENGE_BYTES);
    System.arraycopy(
        BigIntegers.asUnsignedByteArray(SCALAR_BYTES, s), 0, proof, PUBLIC_KEY_BYTES + CHALLENGE_BYTES, SCALAR_BYTES);
    return new ProofSteps(hString, k, pointToString(u), pointToString(v), proof);
  }

  /** H, the nonce k, U = k*B and V = k*H (points compressed) and the proof they lead to. */
  record ProofSteps(byte[] h, BigInteger k, byte[] u, byte[] v, byte[] proof) {}

  private record DecodedProof(ECPoint gamma, BigInteger c, BigInteger s) {}

  private static BigInteger secretScalar(byte[] secretKey) {
    if (secretKey.length != SECRET_KEY_BYTES) {
      throw new IllegalArgumentException("a secret key is 32 bytes, got " + secretKey.length);
    }
    BigInteger x = new BigInteger(1, secretKey);
    if (x.signum() == 0 || x.compareTo(Q) >= 0) {
      throw new IllegalArgumentException("the secret scalar must be in [1, q-1]");
    }
    return x;
  }

  /** Whether {@code publicKey} is a valid ECVRF-P256 public key: a compressed encoding of a point on the curve. */
  public static boolean isValidPublicKey(byte[] publicKey) {
    return isCompressedEncoding(publicKey) && stringToPoint(publicKey).isPresent();
  }

  /**
   * string_to_point followed by validate_key (RFC 9381 §5.4.5). With cofactor 1 every curve point is in the
   * prime-order group, and a 33-byte compressed encoding is never the identity, so decoding is the whole check.
   */
  private static ECPoint decodePublicKey(byte[] publicKey) {
    if (!isCompressedEncoding(publicKey)) {
      throw new InvalidVrfProofException(Reason.PUBLIC_KEY_MALFORMED);
    }
    return stringToPoint(publicKey)
        .orElseThrow(() -> new InvalidVrfProofException(Reason.PUBLIC_KEY_NOT_ON_CURVE));
  }

  /** ECVRF_decode_proof (RFC 9381 §5.4.4). */
  private static DecodedProof decodeProof(byte[] proof) {
    if (proof.length != PROOF_BYTES) {
      throw new InvalidVrfProofException(Reason.PROOF_LENGTH_INVALID);
    }
    byte[] gammaString = Arrays.copyOfRange(proof, 0, PUBLIC_KEY_BYTES);
    ECPoint gamma = stringToPoint(gammaString)
        .orElseThrow(() -> new InvalidVrfProofException(Reason.GAMMA_INVALID));
    BigInteger c = new BigInteger(1, Arrays.copyOfRange(proof, PUBLIC_KEY_BYTES, PUBLIC_KEY_BYTES + CHALLENGE_BYTES));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(proof, PUBLIC_KEY_BYTES + CHALLENGE_BYTES, PROOF_BYTES));
    if (s.compareTo(Q) >= 0) {
      throw new InvalidVrfProofException(Reason.S_OUT_OF_RANGE);
    }
    return new DecodedProof(gamma, c, s);
  }

  /**
   * ECVRF_encode_to_curve_try_and_increment (RFC 9381 §5.4.1.1) with the public key as salt: hash until the digest,
   * read as the x coordinate of a point with even y, is on the curve.
   */
  private static ECPoint encodeToCurve(byte[] publicKey, byte[] alpha) {
    byte[] candidate = new byte[PUBLIC_KEY_BYTES];
    candidate[0] = COMPRESSED_EVEN_Y;
    for (int ctr = 0; ctr < ENCODE_TO_CURVE_TRIES_MAX; ctr++) {
      byte[] digest = sha256(
          new byte[] {SUITE, ENCODE_TO_CURVE_FRONT}, publicKey, alpha, new byte[] {(byte) ctr, DOMAIN_SEPARATOR_BACK});
      System.arraycopy(digest, 0, candidate, 1, digest.length);
      Optional<ECPoint> h = stringToPoint(candidate);
      if (h.isPresent()) {
        return h.get();
      }
    }
    throw new IllegalStateException("encode_to_curve found no point in " + ENCODE_TO_CURVE_TRIES_MAX + " tries");
  }

  /**
   * ECVRF_nonce_generation_RFC6979 (RFC 9381 §5.4.2.1): RFC 6979 section 3.2 with SHA-256, where the message is
   * h_string, so its hash h1 is SHA-256(h_string).
   */
  private static BigInteger nonce(BigInteger x, byte[] hString) {
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(Q, x, sha256(hString));
    return nonces.nextK();
  }

  /** ECVRF_challenge_generation (RFC 9381 §5.4.3): the first 16 bytes of the hash of the five points. */
  private static BigInteger challenge(ECPoint y, ECPoint h, ECPoint gamma, ECPoint u, ECPoint v) {
    byte[] digest = sha256(
        new byte[] {SUITE, CHALLENGE_FRONT},
        pointToString(y),
        pointToString(h),
        pointToString(gamma),
        pointToString(u),
        pointToString(v),
        new byte[] {DOMAIN_SEPARATOR_BACK});
    return new BigInteger(1, Arrays.copyOf(digest, CHALLENGE_BYTES));
  }

  /** The hashing step of ECVRF_proof_to_hash (RFC 9381 §5.2); the cofactor is 1, so Gamma is used as it is. */
  private static byte[] outputOf(ECPoint gamma) {
    return sha256(new byte[] {SUITE, PROOF_TO_HASH_FRONT}, pointToString(gamma), new byte[] {DOMAIN_SEPARATOR_BACK});
  }

  /** SEC1 string_to_point for the compressed form only; empty when the bytes are not a point of P-256. */
  private static Optional<ECPoint> stringToPoint(byte[] encoding) {
    if (!isCompressedEncoding(encoding)) {
      return Optional.empty();
    }
    try {
      return Optional.of(CURVE.decodePoint(encoding));
    } catch (IllegalArgumentException notAPoint) {
      // BouncyCastle's answer for an x at or above the field prime, or one with no square root on the curve.
      return Optional.empty();
    }
  }

  private static boolean isCompressedEncoding(byte[] encoding) {
    return encoding.length == PUBLIC_KEY_BYTES
        && (encoding[0] == COMPRESSED_EVEN_Y || encoding[0] == COMPRESSED_ODD_Y);
  }

  /** SEC1 compressed point_to_string; the identity (which only a forged proof can produce) encodes as one 0x00. */
  private static byte[] pointToString(ECPoint point) {
    return point.getEncoded(true);
  }

  private static byte[] sha256(byte[]... parts) {
    SHA256Digest digest = new SHA256Digest();
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }
}
