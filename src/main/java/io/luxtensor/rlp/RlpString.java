package io.luxtensor.rlp;

import io.luxtensor.bytes.Hex;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An RLP byte string. Integers are big-endian without leading zeros (zero is the empty string), which the
 * {@code as*} readers enforce.
 *
 * @param bytes the content; callers must not modify the array after handing it over
 */
public record RlpString(byte[] bytes) implements RlpItem {
  public static final RlpString EMPTY = new RlpString(new byte[0]);

  public RlpString {
    if (bytes == null) {
      throw new NullPointerException("bytes");
    }
  }

  public static RlpString of(byte[] bytes) {
    return new RlpString(bytes);
  }

  /** The canonical encoding of a non-negative integer. */
  public static RlpString of(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned: " + value);
    }
    int length = (Long.SIZE - Long.numberOfLeadingZeros(value) + 7) / 8;
    byte[] out = new byte[length];
    for (int i = length - 1; i >= 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return new RlpString(out);
  }

  /** The canonical encoding of a non-negative integer. */
  public static RlpString of(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned: " + value);
    }
    if (value.signum() == 0) {
      return EMPTY;
    }
    byte[] twosComplement = value.toByteArray();
    return new RlpString(
        twosComplement[0] == 0 ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement);
  }

  public int length() {
    return bytes.length;
  }

  /** An unsigned integer of at most {@code maxBytes} bytes, without leading zeros. */
  public BigInteger asUnsignedInteger(String field, int maxBytes) {
    checkInteger(field, maxBytes);
    return new BigInteger(1, bytes);
  }

  /** An unsigned integer that fits a signed long (below 2^63), without leading zeros. */
  public long asLong(String field) {
    checkInteger(field, 8);
    if (bytes.length == 8 && bytes[0] < 0) {
      throw new RlpDecodingException(field + ": integer exceeds 2^63-1");
    }
    long value = 0;
    for (byte b : bytes) {
      value = (value << 8) | (b & 0xff);
    }
    return value;
  }

  /** Exactly {@code length} bytes (hashes, addresses). */
  public byte[] asBytes(String field, int length) {
    if (bytes.length != length) {
      throw new RlpDecodingException(field + ": expected " + length + " bytes, found " + bytes.length);
    }
    return bytes;
  }

  private void checkInteger(String field, int maxBytes) {
    if (bytes.length > maxBytes) {
      throw new RlpDecodingException(field + ": integer is " + bytes.length + " bytes, at most " + maxBytes + " allowed");
    }
    if (bytes.length > 0 && bytes[0] == 0) {
      throw new RlpDecodingException(field + ": integer has leading zero bytes");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RlpString other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "RlpString[" + Hex.encode(bytes) + "]";
  }
}
