package io.luxtensor.trie;

/**
 * A node of the trie as a walk meets it: nothing, a hash still to be loaded from the store, or a node whose content
 * is in memory.
 */
sealed interface TrieNode permits EmptyNode, HashNode, ContentNode {}
