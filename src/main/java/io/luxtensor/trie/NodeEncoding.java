package io.luxtensor.trie;

import io.luxtensor.crypto.Keccak256;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpString;

/**
 * A node's RLP and the item its parent holds for it: the node itself if its RLP is shorter than a hash, otherwise
 * the Keccak-256 hash of the RLP.
 *
 * @param rlp the node's canonical RLP; never modified
 * @param reference what a parent embeds for this node
 */
record NodeEncoding(byte[] rlp, RlpItem reference) {
  /** Nodes whose RLP has at least this many bytes are referenced by hash; shorter ones are embedded (as Ethereum). */
  static final int HASH_REFERENCE_LENGTH_MIN = Keccak256.LENGTH;

  static NodeEncoding of(RlpItem item, byte[] rlp) {
    return new NodeEncoding(rlp, isEmbedded(rlp.length) ? item : RlpString.of(Keccak256.hash(rlp)));
  }

  static boolean isEmbedded(int rlpLength) {
    return rlpLength < HASH_REFERENCE_LENGTH_MIN;
  }

  boolean embedded() {
    return isEmbedded(rlp.length);
  }

  /**
   * The node's hash, which is its reference unless it is embedded (a root is hashed whatever its length); callers
   * must not modify the array.
   */
  byte[] hash() {
    return embedded() ? Keccak256.hash(rlp) : ((RlpString) reference).bytes();
  }
}
