package io.luxtensor.trie;

import io.luxtensor.bytes.Hex;

/**
 * A walk reached a node that the store does not hold: the trie was opened at a root that was never committed to this
 * store, or the store lost nodes.
 */
public final class MissingTrieNodeException extends RuntimeException {
  private final byte[] hash;

  public MissingTrieNodeException(byte[] hash) {
    super("missing trie node " + Hex.encode(hash));
    this.hash = hash.clone();
  }

  /** The hash of the node that is missing. */
  public byte[] hash() {
    return hash.clone();
  }
}
