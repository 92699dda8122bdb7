package io.luxtensor.crypto;

import java.util.Arrays;

/** Byte arrays as a map key, compared by content (copied, so later changes to the arrays do not move it). */
record ByteArraysKey(byte[][] parts) {
  static ByteArraysKey of(byte[]... parts) {
    byte[][] copies = new byte[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      copies[i] = parts[i].clone();
    }
    return new ByteArraysKey(copies);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ByteArraysKey key && Arrays.deepEquals(parts, key.parts);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(parts);
  }

  @Override
  public String toString() {
    return "ByteArraysKey[" + parts.length + " parts]";
  }
}
