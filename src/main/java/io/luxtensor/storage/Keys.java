package io.luxtensor.storage;

import java.util.Arrays;

/** Checks of keys and values against the store's limits, and the key arithmetic of scans. */
final class Keys {
  private Keys() {}

  static byte[] checkKey(byte[] key) {
    if (key.length > KeyValueStore.KEY_LENGTH_BYTES_MAX) {
      throw new IllegalArgumentException(
          "key of " + key.length + " bytes; at most " + KeyValueStore.KEY_LENGTH_BYTES_MAX + " allowed");
    }
    return key;
  }

  static byte[] checkValue(byte[] value) {
    if (value.length > KeyValueStore.VALUE_LENGTH_BYTES_MAX) {
      throw new IllegalArgumentException(
          "value of " + value.length + " bytes; at most " + KeyValueStore.VALUE_LENGTH_BYTES_MAX + " allowed");
    }
    return value;
  }

  /** Where a scan of {@code prefix} from {@code fromKeyInclusive} starts: the greater of the two. */
  static byte[] scanStart(byte[] fromKeyInclusive, byte[] prefix) {
    checkKey(fromKeyInclusive);
    checkKey(prefix);
    return Arrays.compareUnsigned(fromKeyInclusive, prefix) >= 0 ? fromKeyInclusive : prefix;
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }
}
