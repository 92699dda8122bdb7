package io.luxtensor.trie;

/** The empty trie, and an empty slot of a branch. */
enum EmptyNode implements TrieNode {
  INSTANCE
}
