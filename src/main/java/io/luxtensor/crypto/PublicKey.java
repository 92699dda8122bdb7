package io.luxtensor.crypto;

import io.luxtensor.bytes.Hex;
import java.util.Arrays;

/** A secp256k1 public key as Ethereum writes it: the 64 bytes x || y of a point on the curve. */
public final class PublicKey {
  private final byte[] bytes;
  /**
   * Computed on first use: keys come back from the recovery cache, and each check of a vote or header signature asks
   * for the address again. A race computes it twice, harmlessly; volatile, since an array has no final fields to
   * publish its contents safely.
   */
  private volatile byte[] address;

  PublicKey(byte[] validatedBytes) {
    this.bytes = validatedBytes;
  }

  /** The key with these 64 bytes (or 65 with the 0x04 prefix), which must be a point on the curve. */
  public static PublicKey fromBytes(byte[] bytes) {
    return Secp256k1.decodePublicKey(bytes);
  }

  /** The 64 bytes x || y. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** The 20-byte Ethereum address: the last 20 bytes of keccak256(x || y). */
  public byte[] address() {
    byte[] known = address;
    if (known == null) {
      known = Arrays.copyOfRange(Keccak256.hash(bytes), 12, 32);
      address = known;
    }
    return known.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "PublicKey[" + Hex.encode(bytes) + "]";
  }
}
