package io.luxtensor.testing;

import io.luxtensor.crypto.Keccak256;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The root hash computed straight from the Yellow Paper's definition (appendix D, TRIE(J) = KEC(RLP(c(J, 0)))),
 * from the final set of entries rather than by updates, and without the production code's nodes, hex-prefix or
 * hashing cache: an oracle for the incremental trie.
 */
public final class YellowPaperTrie {
  private record Entry(byte[] nibbles, byte[] value) {}

  private YellowPaperTrie() {}

  /** The root of the trie holding exactly {@code entries} (keys distinct, values non-empty). */
  public static byte[] rootHash(Map<byte[], byte[]> entries) {
    List<Entry> all = new ArrayList<>();
    entries.forEach((key, value) -> all.add(new Entry(nibbles(key), value)));
    RlpItem root = all.isEmpty() ? RlpString.EMPTY : c(all, 0);
    return Keccak256.hash(Rlp.encode(root));
  }

  /** c(I, i): the node for the entries I, all sharing their first i nibbles. */
  private static RlpItem c(List<Entry> entries, int i) {
    Entry first = entries.get(0);
    if (entries.size() == 1) {
      byte[] rest = slice(first.nibbles(), i, first.nibbles().length);
      return RlpList.of(hexPrefix(rest, true), RlpString.of(first.value()));
    }
    int shared = Integer.MAX_VALUE;
    for (Entry entry : entries) {
      int j = i;
      while (j < first.nibbles().length && j < entry.nibbles().length && first.nibbles()[j] == entry.nibbles()[j]) {
        j++;
      }
      shared = Math.min(shared, j - i);
    }
    if (shared > 0) {
      return RlpList.of(hexPrefix(slice(first.nibbles(), i, i + shared), false), n(entries, i + shared));
    }
    List<RlpItem> branch = new ArrayList<>();
    RlpString value = RlpString.EMPTY;
    for (int nibble = 0; nibble < 16; nibble++) {
      List<Entry> below = new ArrayList<>();
      for (Entry entry : entries) {
        if (entry.nibbles().length > i && entry.nibbles()[i] == nibble) {
          below.add(entry);
        }
      }
      branch.add(n(below, i + 1));
    }
    for (Entry entry : entries) {
      if (entry.nibbles().length == i) {
        value = RlpString.of(entry.value());
      }
    }
    branch.add(value);
    return new RlpList(branch);
  }

  /** n(I, i): how a parent refers to c(I, i). */
  private static RlpItem n(List<Entry> entries, int i) {
    if (entries.isEmpty()) {
      return RlpString.EMPTY;
    }
    RlpItem node = c(entries, i);
    byte[] encoded = Rlp.encode(node);
    return encoded.length < 32 ? node : RlpString.of(Keccak256.hash(encoded));
  }

  /** HP(x, t), appendix C. */
  private static RlpString hexPrefix(byte[] x, boolean t) {
    int f = t ? 2 : 0;
    byte[] out = new byte[x.length / 2 + 1];
    if (x.length % 2 == 0) {
      out[0] = (byte) (16 * f);
      for (int k = 0; k < x.length / 2; k++) {
        out[k + 1] = (byte) (16 * x[2 * k] + x[2 * k + 1]);
      }
    } else {
      out[0] = (byte) (16 * (f + 1) + x[0]);
      for (int k = 0; k < x.length / 2; k++) {
        out[k + 1] = (byte) (16 * x[2 * k + 1] + x[2 * k + 2]);
      }
    }
    return RlpString.of(out);
  }

  private static byte[] nibbles(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int k = 0; k < key.length; k++) {
      out[2 * k] = (byte) ((key[k] & 0xff) / 16);
      out[2 * k + 1] = (byte) ((key[k] & 0xff) % 16);
    }
    return out;
  }

  private static byte[] slice(byte[] nibbles, int from, int to) {
    byte[] out = new byte[to - from];
    System.arraycopy(nibbles, from, out, 0, out.length);
    return out;
  }
}
