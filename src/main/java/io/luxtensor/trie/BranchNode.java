package io.luxtensor.trie;

import java.util.Arrays;

/**
 * A fork on the next nibble: sixteen children, and the value of the key that ends here (empty if none).
 *
 * <p>A final class rather than a record because it memoizes its encoding, which a record's fields cannot.
 */
final class BranchNode implements ContentNode {
  static final int WIDTH = 16;
  static final BranchNode EMPTY = new BranchNode(emptyChildren(), Nibbles.EMPTY);

  private final TrieNode[] children;
  private final byte[] value;
  private NodeEncoding encoding;

  /** Takes ownership of both arrays: callers must not modify them afterwards. */
  BranchNode(TrieNode[] children, byte[] value) {
    if (children.length != WIDTH) {
      throw new IllegalArgumentException("a branch has " + WIDTH + " children, got " + children.length);
    }
    this.children = children;
    this.value = value;
  }

  TrieNode child(int nibble) {
    return children[nibble];
  }

  /** The value of the key ending at this branch, empty if none; callers must not modify the array. */
  byte[] value() {
    return value;
  }

  BranchNode withChild(int nibble, TrieNode child) {
    TrieNode[] copy = children.clone();
    copy[nibble] = child;
    return new BranchNode(copy, value);
  }

  BranchNode withValue(byte[] newValue) {
    return new BranchNode(children, newValue);
  }

  /** How many children and values this branch holds; Ethereum keeps every branch at two or more. */
  int entryCount() {
    int count = value.length == 0 ? 0 : 1;
    for (TrieNode child : children) {
      if (child != EmptyNode.INSTANCE) {
        count++;
      }
    }
    return count;
  }

  /** The slot of the only child, for a branch that holds exactly one child and no value. */
  int onlyChildSlot() {
    for (int slot = 0; slot < WIDTH; slot++) {
      if (children[slot] != EmptyNode.INSTANCE) {
        return slot;
      }
    }
    throw new IllegalStateException("a branch without children");
  }

  @Override
  public NodeEncoding encoding() {
    if (encoding == null) {
      encoding = TrieNodeCodec.encode(this);
    }
    return encoding;
  }

  private static TrieNode[] emptyChildren() {
    TrieNode[] children = new TrieNode[WIDTH];
    Arrays.fill(children, EmptyNode.INSTANCE);
    return children;
  }
}
