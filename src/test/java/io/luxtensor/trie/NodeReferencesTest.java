package io.luxtensor.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NodeReferences}, which reads encodings in place, against a walk of the decoded node objects, over every node
 * of random tries: short keys and values make embedded children and extensions, long ones branches of hashes.
 */
class NodeReferencesTest {

  @Test
  void readsWhatTheDecodedNodesHold() {
    Random random = new Random(11);
    int nodes = 0;
    for (int round = 0; round < 40; round++) {
      List<byte[]> written = new ArrayList<>();
      InMemoryNodeStore store = new InMemoryNodeStore();
      NodeStore recording = new NodeStore() {
        @Override
        public Optional<byte[]> get(byte[] hash) {
          return store.get(hash);
        }

        @Override
        public void put(byte[] hash, byte[] encodedNode) {
          store.put(hash, encodedNode);
          written.add(encodedNode);
        }
      };
      MerklePatriciaTrie trie = MerklePatriciaTrie.empty(recording);
      int entries = 1 + random.nextInt(200);
      for (int i = 0; i < entries; i++) {
        byte[] key = new byte[1 + random.nextInt(round % 2 == 0 ? 3 : 32)];
        byte[] value = new byte[1 + random.nextInt(round % 3 == 0 ? 4 : 80)];
        random.nextBytes(key);
        random.nextBytes(value);
        trie.put(key, value);
      }
      trie.commit();
      for (byte[] node : written) {
        NodeReferences expected = walk(TrieNodeCodec.decode(node));
        NodeReferences read = NodeReferences.of(node);
        assertEquals(expected.childHashes().size(), read.childHashes().size());
        for (int i = 0; i < expected.childHashes().size(); i++) {
          assertArrayEquals(expected.childHashes().get(i), read.childHashes().get(i));
        }
        assertEquals(expected.values().size(), read.values().size());
        for (int i = 0; i < expected.values().size(); i++) {
          assertArrayEquals(expected.values().get(i), read.values().get(i));
        }
        nodes++;
      }
    }
    assertTrue(nodes > 1_000, "nodes compared: " + nodes);
  }

  @Test
  void aMalformedNodeIsRefused() {
    assertThrows(MalformedTrieNodeException.class, () -> NodeReferences.of(new byte[] {(byte) 0xc3, 0x01}));
    assertThrows(MalformedTrieNodeException.class, () -> NodeReferences.visit(new byte[] {(byte) 0xc3, 0x01},
        new NodeReferences.Visitor() {
          @Override
          public void childHash(byte[] source, int offset) {}

          @Override
          public void value(byte[] value) {}
        }));
    // Well-formed RLP, but a list of three items is no node: only the checked reading refuses it.
    assertThrows(MalformedTrieNodeException.class, () -> NodeReferences.of(new byte[] {(byte) 0xc3, 1, 2, 3}));
  }

  private static NodeReferences walk(TrieNode node) {
    List<byte[]> hashes = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    collect(node, hashes, values);
    return new NodeReferences(hashes, values);
  }

  private static void collect(TrieNode node, List<byte[]> hashes, List<byte[]> values) {
    switch (node) {
      case EmptyNode empty -> { }
      case HashNode hashed -> hashes.add(hashed.hash());
      case LeafNode leaf -> values.add(leaf.value());
      case ExtensionNode extension -> collect(extension.child(), hashes, values);
      case BranchNode branch -> {
        for (int slot = 0; slot < BranchNode.WIDTH; slot++) {
          collect(branch.child(slot), hashes, values);
        }
        if (branch.value().length > 0) {
          values.add(branch.value());
        }
      }
    }
  }
}
