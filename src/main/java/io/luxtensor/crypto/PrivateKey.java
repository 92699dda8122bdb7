package io.luxtensor.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;

/** A secp256k1 private key: a scalar in [1, n-1]. Its {@code toString} never reveals it. */
public final class PrivateKey {
  private final byte[] bytes;
  /** Derived on first use and kept: a point multiplication, and hashCode() asks for it. */
  private volatile PublicKey publicKey;

  private PrivateKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The key with these 32 big-endian bytes, which must encode a scalar in [1, n-1]. */
  public static PrivateKey fromBytes(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("a private key is 32 bytes, got " + bytes.length);
    }
    BigInteger d = new BigInteger(1, bytes);
    if (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0) {
      throw new IllegalArgumentException("private key out of range [1, n-1]");
    }
    return new PrivateKey(bytes.clone());
  }

  public static PrivateKey fromScalar(BigInteger d) {
    return fromBytes(Secp256k1.toBytes32(d));
  }

  /** A fresh key from {@code random} (rejection-sampled, so uniform over [1, n-1]). */
  public static PrivateKey random(SecureRandom random) {
    byte[] candidate = new byte[32];
    while (true) {
      random.nextBytes(candidate);
      BigInteger d = new BigInteger(1, candidate);
      if (d.signum() > 0 && d.compareTo(Secp256k1.N) < 0) {
        return new PrivateKey(candidate);
      }
    }
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  public BigInteger scalar() {
    return new BigInteger(1, bytes);
  }

  public PublicKey publicKey() {
    PublicKey known = publicKey;
    if (known == null) {
      known = Secp256k1.publicKeyOf(this);
      publicKey = known;
    }
    return known;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrivateKey other && MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return publicKey().hashCode();
  }

  @Override
  public String toString() {
    return "PrivateKey[redacted]";
  }
}
