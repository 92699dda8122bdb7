package io.luxtensor.types;

import io.luxtensor.bytes.Hex;
import io.luxtensor.bytes.HexFormatException;
import io.luxtensor.crypto.Keccak256;
import java.util.Arrays;

/** A 32-byte hash (Keccak-256 everywhere on this chain). Immutable. */
public final class Hash implements Comparable<Hash> {
  public static final int LENGTH = 32;
  public static final Hash ZERO = new Hash(new byte[LENGTH]);

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The hash with these 32 bytes (copied). */
  public static Hash wrap(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
    }
    return new Hash(bytes.clone());
  }

  /** 64 hex digits, with or without {@code 0x}. */
  public static Hash fromHex(String hex) {
    byte[] decoded = Hex.decode(hex);
    if (decoded.length != LENGTH) {
      throw new HexFormatException("a hash is 32 bytes (64 hex digits), got " + decoded.length + " bytes");
    }
    return new Hash(decoded);
  }

  /** Keccak-256 of {@code data}. */
  public static Hash keccak(byte[] data) {
    return new Hash(Keccak256.hash(data));
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public int compareTo(Hash other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    // The bytes are already uniformly distributed.
    return (bytes[0] << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
