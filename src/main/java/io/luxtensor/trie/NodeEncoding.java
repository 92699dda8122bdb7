package io.luxtensor.trie;

import io.luxtensor.crypto.Keccak256;
import io.luxtensor.rlp.Rlp;

/**
 * A node's RLP and how its parent refers to it: by the Keccak-256 hash of the RLP, or by embedding the RLP itself
 * when that is shorter than a hash.
 *
 * @param rlp the node's canonical RLP; never modified
 * @param referenceHash the hash of {@code rlp} a parent holds, or null for a node its parent embeds; never modified
 */
record NodeEncoding(byte[] rlp, byte[] referenceHash) {
  /** Nodes whose RLP has at least this many bytes are referenced by hash; shorter ones are embedded (as Ethereum). */
  static final int HASH_REFERENCE_LENGTH_MIN = Keccak256.LENGTH;

  /** A hash reference in a parent's RLP: a 32-byte string and its one-byte header. */
  static final int HASH_REFERENCE_RLP_LENGTH = 1 + Keccak256.LENGTH;

  static NodeEncoding of(byte[] rlp) {
    return new NodeEncoding(rlp, isEmbedded(rlp.length) ? null : Keccak256.hash(rlp));
  }

  static boolean isEmbedded(int rlpLength) {
    return rlpLength < HASH_REFERENCE_LENGTH_MIN;
  }

  boolean embedded() {
    return referenceHash == null;
  }

  /**
   * The node's hash, which is its reference unless it is embedded (a root is hashed whatever its length); callers
   * must not modify the array.
   */
  byte[] hash() {
    return embedded() ? Keccak256.hash(rlp) : referenceHash;
  }

  /** How many bytes the reference to this node takes in its parent's RLP. */
  int referenceLength() {
    return embedded() ? rlp.length : HASH_REFERENCE_RLP_LENGTH;
  }

  /** Writes the reference to this node into a parent's RLP, {@code out}, at {@code pos}; returns the position after. */
  int writeReference(byte[] out, int pos) {
    if (embedded()) {
      System.arraycopy(rlp, 0, out, pos, rlp.length);
      return pos + rlp.length;
    }
    return Rlp.writeString(referenceHash, out, pos);
  }
}
