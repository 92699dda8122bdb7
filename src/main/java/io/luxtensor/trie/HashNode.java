package io.luxtensor.trie;

import io.luxtensor.crypto.Keccak256;
import java.util.Arrays;

/**
 * A committed node known only by its hash: it is loaded from the store when a walk reaches it, so opening a trie
 * reads nothing and an update reads only the nodes on its path.
 *
 * <p>A hash decoded from a parent stays a slice of the parent's encoding until someone asks for it as an array. A
 * walk loads one child of each branch on its path and writes the references to the other fifteen back into the new
 * branch, and copying those out first was the largest allocation of a block's state commit.
 */
final class HashNode implements TrieNode {
  private final byte[] source;
  private final int offset;

  /** The node whose hash is {@code hash}, which this node then owns: nobody may modify it. */
  HashNode(byte[] hash) {
    this(checkLength(hash), 0);
  }

  private HashNode(byte[] source, int offset) {
    this.source = source;
    this.offset = offset;
  }

  /** The node whose hash is the 32 bytes of {@code encoding} at {@code offset}; nobody may modify the encoding. */
  static HashNode slice(byte[] encoding, int offset) {
    return new HashNode(encoding, offset);
  }

  /** The 32-byte hash; callers must not modify it. */
  byte[] hash() {
    return offset == 0 && source.length == Keccak256.LENGTH
        ? source
        : Arrays.copyOfRange(source, offset, offset + Keccak256.LENGTH);
  }

  /** Writes the hash as an RLP string, as a parent refers to this node; returns the position after it. */
  int writeReference(byte[] out, int pos) {
    out[pos] = (byte) (0x80 + Keccak256.LENGTH);
    System.arraycopy(source, offset, out, pos + 1, Keccak256.LENGTH);
    return pos + NodeEncoding.HASH_REFERENCE_RLP_LENGTH;
  }

  private static byte[] checkLength(byte[] hash) {
    if (hash.length != Keccak256.LENGTH) {
      throw new IllegalArgumentException("a node hash is " + Keccak256.LENGTH + " bytes, got " + hash.length);
    }
    return hash;
  }
}
