package io.luxtensor.trie;

/**
 * A committed node known only by its hash: it is loaded from the store when a walk reaches it, so opening a trie
 * reads nothing and an update reads only the nodes on its path.
 *
 * @param hash the 32-byte Keccak-256 hash of the node's encoding; owned by this node, never modified
 */
record HashNode(byte[] hash) implements TrieNode {}
