package io.luxtensor.bytes;

import java.util.Arrays;

/** An immutable byte string with value equality, for byte fields of records (transaction data, log data, ...). */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A byte string holding a copy of {@code bytes}. */
  public static Bytes of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  public static Bytes fromHex(String hex) {
    return new Bytes(Hex.decode(hex));
  }

  public int length() {
    return bytes.length;
  }

  public byte get(int index) {
    return bytes[index];
  }

  /** A copy of the content. */
  public byte[] toArray() {
    return bytes.clone();
  }

  /** Copies {@code length} bytes from {@code from} into {@code destination} at {@code destinationPos}. */
  public void copyTo(int from, byte[] destination, int destinationPos, int length) {
    System.arraycopy(bytes, from, destination, destinationPos, length);
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
