package io.luxtensor.trie;

/**
 * Bytes that are not the canonical encoding of a trie node: not canonical RLP, a list of the wrong size, a bad
 * hex-prefix path, a child reference that is neither empty, a 32-byte hash nor an embedded node of under 32 bytes,
 * or a node Ethereum never builds (an empty leaf value, a branch with fewer than two entries, ...).
 */
public final class MalformedTrieNodeException extends RuntimeException {
  public MalformedTrieNodeException(String message) {
    super(message);
  }

  public MalformedTrieNodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
