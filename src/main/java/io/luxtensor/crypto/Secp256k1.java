package io.luxtensor.crypto;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.InvalidSignatureException.Reason;
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
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * ECDSA over secp256k1 as Ethereum uses it: deterministic nonces (RFC 6979 with HMAC-SHA256), signatures normalized
 * to low-S (EIP-2), and public-key recovery from (r, s, recovery id).
 */
public final class Secp256k1 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECCurve CURVE = PARAMS.getCurve();
  private static final ECPoint G = PARAMS.getG();
  /** 16,384 keys a generation (~250 bytes each): seconds of signatures at full load, ~4 MB. */
  static final int RECOVERED_KEYS_PER_GENERATION = 16_384;
  static final GenerationalCache<List<Bytes>, PublicKey> RECOVERED =
      new GenerationalCache<>(RECOVERED_KEYS_PER_GENERATION);
  private static final Optional<NativeSecp256k1> NATIVE = NativeSecp256k1.load();
  /** The order of the group. */
  public static final BigInteger N = PARAMS.getN();
  /** n / 2: the largest s of a low-S signature. */
  public static final BigInteger HALF_N = N.shiftRight(1);

  private Secp256k1() {}

  public static PublicKey publicKeyOf(PrivateKey key) {
    return toPublicKey(new FixedPointCombMultiplier().multiply(G, key.scalar()));
  }

  /**
   * Signs a 32-byte message hash. The nonce is derived from key and hash (RFC 6979), so the same inputs always give
   * the same signature, and the result is in low-S form with its recovery id.
   */
  public static Signature sign(byte[] messageHash, PrivateKey key) {
    checkHashLength(messageHash);
    if (NATIVE.isPresent()) {
      Optional<byte[]> signed = NATIVE.get().sign(messageHash, key.toBytes());
      // Recovery ids 2 and 3 (x of the nonce point >= n, odds ~2^-128) are not Ethereum's: BouncyCastle signs those.
      if (signed.isPresent() && signed.get()[64] < 2) {
        byte[] compact = signed.get();
        return new Signature(new BigInteger(1, Arrays.copyOfRange(compact, 0, 32)),
            new BigInteger(1, Arrays.copyOfRange(compact, 32, 64)), compact[64]);
      }
    }
    return signWithBouncyCastle(messageHash, key);
  }

  /** Signing by BouncyCastle's arithmetic, whatever is installed: the reference the native library must match. */
  static Signature signWithBouncyCastle(byte[] messageHash, PrivateKey key) {
    checkHashLength(messageHash);
    BigInteger d = key.scalar();
    BigInteger z = new BigInteger(1, messageHash);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, d, messageHash);
    FixedPointCombMultiplier multiplier = new FixedPointCombMultiplier();
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint nonce = multiplier.multiply(G, k).normalize();
      BigInteger x = nonce.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(N);
      if (r.signum() == 0 || x.compareTo(N) >= 0) {
        // x >= n would need recovery id 2 or 3, which Ethereum does not accept; the odds are ~2^-128.
        continue;
      }
      BigInteger s = k.modInverse(N).multiply(z.add(r.multiply(d))).mod(N);
      if (s.signum() == 0) {
        continue;
      }
      int recoveryId = nonce.getAffineYCoord().testBitZero() ? 1 : 0;
      if (s.compareTo(HALF_N) > 0) {
        s = N.subtract(s);
        recoveryId ^= 1;
      }
      return new Signature(r, s, recoveryId);
    }
  }

  /**
   * The public key that produced {@code signature} over {@code messageHash}.
   *
   * @throws InvalidSignatureException if the signature cannot be valid for any key (naming why)
   */
  public static PublicKey recover(byte[] messageHash, Signature signature) {
    List<Bytes> inputs = List.of(Bytes.of(messageHash), Bytes.of(signature.toBytes()));
    Optional<PublicKey> known = RECOVERED.get(inputs);
    if (known.isPresent()) {
      return known.get();
    }
    PublicKey key = recoverOnce(messageHash, signature);
    RECOVERED.put(inputs, key);
    return key;
  }

  /**
   * As {@link #recover}, leaving the memory of recovered keys alone: for bulk work whose results are kept elsewhere
   * (sync recovers a batch's senders and hands them to import), which would otherwise push out the signatures the
   * memory is for (headers and votes checked ahead of import, pooled transactions).
   */
  public static PublicKey recoverOnce(byte[] messageHash, Signature signature) {
    checkHashLength(messageHash);
    checkComponents(signature);
    if (signature.recoveryId() != 0 && signature.recoveryId() != 1) {
      throw new InvalidSignatureException(Reason.RECOVERY_ID_INVALID);
    }
    return recoverUncached(messageHash, signature);
  }

  /** What recovers public keys and signs here: "libsecp256k1 (native)" or "BouncyCastle (Java)", for the log. */
  public static String recoveryBackend() {
    return NATIVE.isPresent() ? "libsecp256k1 (native)" : "BouncyCastle (Java)";
  }

  /**
   * Recovery without the cache, by libsecp256k1 where it is installed: for benchmarks of the arithmetic, and once
   * per signature otherwise. A signature the library finds no key for goes to BouncyCastle too, which says why.
   */
  static PublicKey recoverUncached(byte[] messageHash, Signature signature) {
    if (NATIVE.isPresent()) {
      Optional<byte[]> key = NATIVE.get().recover(messageHash, Arrays.copyOf(signature.toBytes(), 64),
          signature.recoveryId());
      if (key.isPresent()) {
        return new PublicKey(key.get());
      }
    }
    return recoverWithBouncyCastle(messageHash, signature);
  }

  /** Recovery by BouncyCastle's arithmetic, whatever is installed: the reference the native library must match. */
  static PublicKey recoverWithBouncyCastle(byte[] messageHash, Signature signature) {
    BigInteger r = signature.r();
    ECPoint nonce = liftX(r, signature.recoveryId() == 1);
    BigInteger rInverse = r.modInverse(N);
    BigInteger e = new BigInteger(1, messageHash).mod(N);
    BigInteger gFactor = N.subtract(e).multiply(rInverse).mod(N);
    BigInteger nonceFactor = signature.s().multiply(rInverse).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(G, gFactor, nonce, nonceFactor);
    if (q.isInfinity()) {
      throw new InvalidSignatureException(Reason.RECOVERED_POINT_AT_INFINITY);
    }
    return toPublicKey(q);
  }

  /**
   * Whether {@code signature} over {@code messageHash} was made by {@code key}. The recovery id is not consulted.
   *
   * @throws InvalidSignatureException if r or s is out of range or s is not in low-S form
   */
  public static boolean verify(byte[] messageHash, Signature signature, PublicKey key) {
    checkHashLength(messageHash);
    checkComponents(signature);
    BigInteger w = signature.s().modInverse(N);
    BigInteger u1 = new BigInteger(1, messageHash).mod(N).multiply(w).mod(N);
    BigInteger u2 = signature.r().multiply(w).mod(N);
    ECPoint q = CURVE.decodePoint(uncompressed(key.toBytes()));
    ECPoint x = ECAlgorithms.sumOfTwoMultiplies(G, u1, q, u2).normalize();
    return !x.isInfinity() && x.getAffineXCoord().toBigInteger().mod(N).equals(signature.r());
  }

  static PublicKey decodePublicKey(byte[] bytes) {
    byte[] xy;
    if (bytes.length == 65 && bytes[0] == 0x04) {
      xy = Arrays.copyOfRange(bytes, 1, 65);
    } else if (bytes.length == 64) {
      xy = bytes.clone();
    } else {
      throw new IllegalArgumentException("a public key is 64 bytes (or 65 with prefix 0x04), got " + bytes.length);
    }
    ECPoint point;
    try {
      point = CURVE.decodePoint(uncompressed(xy));
    } catch (IllegalArgumentException notOnCurve) {
      throw new IllegalArgumentException("public key is not a point on secp256k1", notOnCurve);
    }
    return toPublicKey(point);
  }

  /** {@code value} as exactly 32 big-endian bytes; it must be non-negative and below 2^256. */
  public static byte[] toBytes32(BigInteger value) {
    byte[] raw = value.toByteArray();
    if (value.signum() < 0 || raw.length > 33 || (raw.length == 33 && raw[0] != 0)) {
      throw new IllegalArgumentException("value does not fit 32 unsigned bytes");
    }
    byte[] out = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }

  private static void checkComponents(Signature signature) {
    if (signature.r().signum() <= 0 || signature.r().compareTo(N) >= 0) {
      throw new InvalidSignatureException(Reason.R_OUT_OF_RANGE);
    }
    if (signature.s().signum() <= 0 || signature.s().compareTo(N) >= 0) {
      throw new InvalidSignatureException(Reason.S_OUT_OF_RANGE);
    }
    if (signature.s().compareTo(HALF_N) > 0) {
      throw new InvalidSignatureException(Reason.S_NOT_LOW);
    }
  }

  private static ECPoint liftX(BigInteger x, boolean oddY) {
    ECFieldElement fx = CURVE.fromBigInteger(x);
    ECFieldElement y = fx.square().multiply(fx).add(CURVE.getB()).sqrt();
    if (y == null) {
      throw new InvalidSignatureException(Reason.R_NOT_ON_CURVE);
    }
    if (y.testBitZero() != oddY) {
      y = y.negate();
    }
    return CURVE.createPoint(x, y.toBigInteger());
  }

  private static PublicKey toPublicKey(ECPoint point) {
    byte[] encoded = point.normalize().getEncoded(false);
    return new PublicKey(Arrays.copyOfRange(encoded, 1, 65));
  }

  private static byte[] uncompressed(byte[] xy) {
    byte[] out = new byte[65];
    out[0] = 0x04;
    System.arraycopy(xy, 0, out, 1, 64);
    return out;
  }

  private static void checkHashLength(byte[] messageHash) {
    if (messageHash.length != 32) {
      throw new IllegalArgumentException("message hash must be 32 bytes, got " + messageHash.length);
    }
  }
}
