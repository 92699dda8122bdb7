package io.luxtensor.trie;

/**
 * A run of nibbles that every key below shares, leading to a branch.
 *
 * <p>A final class rather than a record because it memoizes its encoding, which a record's fields cannot.
 */
final class ExtensionNode implements ContentNode {
  private final byte[] path;
  private final TrieNode child;
  private NodeEncoding encoding;

  /** Takes ownership of {@code path}: callers must not modify it afterwards. */
  ExtensionNode(byte[] path, TrieNode child) {
    this.path = path;
    this.child = child;
  }

  /** The shared nibbles, at least one; callers must not modify the array. */
  byte[] path() {
    return path;
  }

  TrieNode child() {
    return child;
  }

  @Override
  public NodeEncoding encoding() {
    if (encoding == null) {
      encoding = TrieNodeCodec.encode(this);
    }
    return encoding;
  }
}
