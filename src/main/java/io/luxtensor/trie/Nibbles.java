package io.luxtensor.trie;

import java.util.Arrays;

/**
 * Paths in the trie are sequences of nibbles (4-bit digits, one per byte here, high nibble first), and are written
 * in nodes with the hex-prefix encoding (Yellow Paper appendix C).
 */
final class Nibbles {
  static final byte[] EMPTY = new byte[0];

  private static final int LEAF_FLAG = 2;
  private static final int ODD_FLAG = 1;

  private Nibbles() {}

  static byte[] fromBytes(byte[] bytes) {
    byte[] nibbles = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      nibbles[2 * i] = (byte) ((bytes[i] >> 4) & 0xf);
      nibbles[2 * i + 1] = (byte) (bytes[i] & 0xf);
    }
    return nibbles;
  }

  /** How many leading nibbles {@code path} shares with {@code key} from {@code keyFrom}. */
  static int commonPrefixLength(byte[] path, byte[] key, int keyFrom) {
    int max = Math.min(path.length, key.length - keyFrom);
    int i = 0;
    while (i < max && path[i] == key[keyFrom + i]) {
      i++;
    }
    return i;
  }

  /** Whether {@code key} continues with {@code path} at {@code keyFrom}. */
  static boolean startsWith(byte[] key, int keyFrom, byte[] path) {
    return commonPrefixLength(path, key, keyFrom) == path.length;
  }

  /** Whether {@code key} from {@code keyFrom} to its end is exactly {@code path}. */
  static boolean endsWith(byte[] key, int keyFrom, byte[] path) {
    return key.length - keyFrom == path.length && startsWith(key, keyFrom, path);
  }

  static byte[] slice(byte[] nibbles, int from, int to) {
    return Arrays.copyOfRange(nibbles, from, to);
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] out = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }

  /** The hex-prefix encoding: a flag nibble (leaf or extension, odd or even length), padding if even, the path. */
  static byte[] encodeHexPrefix(byte[] nibbles, boolean leaf) {
    boolean odd = nibbles.length % 2 == 1;
    int flag = (leaf ? LEAF_FLAG : 0) | (odd ? ODD_FLAG : 0);
    byte[] out = new byte[nibbles.length / 2 + 1];
    int next;
    if (odd) {
      out[0] = (byte) ((flag << 4) | nibbles[0]);
      next = 1;
    } else {
      out[0] = (byte) (flag << 4);
      next = 0;
    }
    for (int i = 1; i < out.length; i++, next += 2) {
      out[i] = (byte) ((nibbles[next] << 4) | nibbles[next + 1]);
    }
    return out;
  }

  /** A path read from its hex-prefix encoding. */
  record HexPrefixPath(byte[] nibbles, boolean leaf) {}

  static HexPrefixPath decodeHexPrefix(byte[] encoded) {
    if (encoded.length == 0) {
      throw new MalformedTrieNodeException("hex-prefix path is empty: it needs at least the flag byte");
    }
    int flag = (encoded[0] >> 4) & 0xf;
    if (flag > (LEAF_FLAG | ODD_FLAG)) {
      throw new MalformedTrieNodeException("hex-prefix flag nibble is " + flag + ", must be 0 to 3");
    }
    boolean odd = (flag & ODD_FLAG) != 0;
    if (!odd && (encoded[0] & 0xf) != 0) {
      throw new MalformedTrieNodeException("hex-prefix padding nibble of an even-length path must be 0");
    }
    byte[] all = fromBytes(encoded);
    return new HexPrefixPath(slice(all, odd ? 1 : 2, all.length), (flag & LEAF_FLAG) != 0);
  }
}
