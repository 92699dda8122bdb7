package io.luxtensor.trie;

import java.util.ArrayList;
import java.util.List;

/**
 * What one encoded trie node points at: the hashes of the child nodes stored apart from it, and the values it holds
 * itself (in its leaves and branches, embedded children included). State sync walks a trie it does not have yet with
 * these: each child hash is what the next node must hash to, and an account's value names its storage root.
 *
 * @param childHashes the 32-byte hashes of the children referenced by hash, in slot order
 * @param values the values of the node and of its embedded children, in key order
 */
public record NodeReferences(List<byte[]> childHashes, List<byte[]> values) {

  /**
   * The references of the node encoded as {@code rlp}.
   *
   * @throws MalformedTrieNodeException if {@code rlp} is not a trie node
   */
  public static NodeReferences of(byte[] rlp) {
    List<byte[]> hashes = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    collect(TrieNodeCodec.decode(rlp), hashes, values);
    return new NodeReferences(List.copyOf(hashes), List.copyOf(values));
  }

  private static void collect(TrieNode node, List<byte[]> hashes, List<byte[]> values) {
    switch (node) {
      case EmptyNode empty -> { }
      case HashNode hashed -> hashes.add(hashed.hash().clone());
      case LeafNode leaf -> values.add(leaf.value().clone());
      case ExtensionNode extension -> collect(extension.child(), hashes, values);
      case BranchNode branch -> {
        if (branch.value().length > 0) {
          values.add(branch.value().clone());
        }
        for (int slot = 0; slot < BranchNode.WIDTH; slot++) {
          collect(branch.child(slot), hashes, values);
        }
      }
    }
  }
}
