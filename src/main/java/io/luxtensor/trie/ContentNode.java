package io.luxtensor.trie;

/**
 * A leaf, extension or branch whose content is in memory, either built by an update or decoded from the store.
 * Content nodes are immutable: an update copies the nodes on its path and shares the rest, which is what lets each
 * node compute its encoding (and hash) once.
 */
sealed interface ContentNode extends TrieNode permits LeafNode, ExtensionNode, BranchNode {

  /** This node's RLP and how a parent refers to it, computed on first use. */
  NodeEncoding encoding();
}
