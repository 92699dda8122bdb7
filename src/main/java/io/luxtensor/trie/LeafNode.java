package io.luxtensor.trie;

/**
 * The end of a key: the rest of its path and its value.
 *
 * <p>A final class rather than a record because it memoizes its encoding, which a record's fields cannot.
 */
final class LeafNode implements ContentNode {
  private final byte[] path;
  private final byte[] value;
  private NodeEncoding encoding;

  /** Takes ownership of both arrays: callers must not modify them afterwards. */
  LeafNode(byte[] path, byte[] value) {
    this.path = path;
    this.value = value;
  }

  /** The remaining nibbles of the key (possibly none); callers must not modify the array. */
  byte[] path() {
    return path;
  }

  /** The value, never empty; callers must not modify the array. */
  byte[] value() {
    return value;
  }

  @Override
  public NodeEncoding encoding() {
    if (encoding == null) {
      encoding = TrieNodeCodec.encode(this);
    }
    return encoding;
  }
}
