package io.luxtensor.trie;

import static io.luxtensor.trie.TrieGenerators.apply;
import static io.luxtensor.trie.TrieGenerators.expectedRoot;
import static io.luxtensor.trie.TrieGenerators.trieOf;
import static io.luxtensor.trie.TrieProperties.assertReads;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.trie.TrieGenerators.History;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Decoded nodes shared between tries: the same roots and reads as without, and fewer reads of the store. */
class TrieNodeCacheTest {

  /**
   * Committing, reopening, updating and reading old and new roots gives what a store without a cache gives, for a
   * cache of any size: one slot (every node evicts the last) up to more than the tries hold.
   */
  @Property(tries = 300)
  void triesOverACacheReadAndUpdateAsWithout(@ForAll("histories") History history,
      @ForAll @IntRange(min = 0, max = 10) int capacityLog2) {
    InMemoryNodeStore store = new InMemoryNodeStore(new TrieNodeCache(1 << capacityLog2));
    MerklePatriciaTrie trie = trieOf(store, history.entries());
    byte[] firstRoot = trie.commit();
    MerklePatriciaTrie reopened = MerklePatriciaTrie.open(store, firstRoot);
    Map<String, byte[]> model = new LinkedHashMap<>(history.entries());
    apply(history.operations(), reopened, model);
    assertEquals(Hex.encode(expectedRoot(model)), Hex.encode(reopened.rootHash()));
    byte[] secondRoot = reopened.commit();

    assertReads(history.entries(), history.operations(), MerklePatriciaTrie.open(store, firstRoot));
    assertReads(model, history.operations(), MerklePatriciaTrie.open(store, secondRoot));
    MerklePatriciaTrie withoutCache = trieOf(new InMemoryNodeStore(), history.entries());
    apply(history.operations(), withoutCache, new LinkedHashMap<>(history.entries()));
    assertArrayEquals(withoutCache.commit(), secondRoot);
  }

  @Test
  void aCommitFillsTheCacheSoTheNextWalkReadsNothingFromTheStore() {
    CountingStore store = new CountingStore(new TrieNodeCache(1 << 16));
    SecureTrie trie = SecureTrie.empty(store);
    for (int i = 0; i < 50; i++) {
      trie.put(key(i), value(i));
    }
    byte[] root = trie.commit();

    SecureTrie reopened = SecureTrie.open(store, root);
    for (int i = 0; i < 50; i++) {
      assertArrayEquals(value(i), reopened.get(key(i)).orElseThrow());
      reopened.put(key(i), value(i + 1));
    }
    reopened.commit();
    assertEquals(0, store.reads.get(), "nodes read from the store although the commit cached them");
    assertTrue(store.decodedNodes().hits() > 50, "hits: " + store.decodedNodes().hits());

    CountingStore uncached = new CountingStore(TrieNodeCache.NONE);
    SecureTrie plain = SecureTrie.empty(uncached);
    for (int i = 0; i < 50; i++) {
      plain.put(key(i), value(i));
    }
    SecureTrie plainReopened = SecureTrie.open(uncached, plain.commit());
    assertArrayEquals(value(7), plainReopened.get(key(7)).orElseThrow());
    assertTrue(uncached.reads.get() > 0, "the counting store counts the reads of a store without a cache");
  }

  @Test
  void aCachedNodeHoldsItsChildrenByHashNotTheSubtreeBuiltInMemory() {
    TrieNodeCache cache = new TrieNodeCache(1 << 12);
    SecureTrie trie = SecureTrie.empty(new InMemoryNodeStore(cache));
    for (int i = 0; i < 100; i++) {
      trie.put(key(i), value(i));
    }
    byte[] root = trie.commit();

    BranchNode cachedRoot = assertInstanceOf(BranchNode.class, cache.get(root));
    for (int slot = 0; slot < BranchNode.WIDTH; slot++) {
      TrieNode child = cachedRoot.child(slot);
      assertTrue(child instanceof HashNode || child == EmptyNode.INSTANCE, "child " + slot + " is " + child);
    }
    assertArrayEquals(root, cachedRoot.encoding().hash(), "the cached node encodes to the hash it is cached under");
  }

  @Test
  void aSlotKeepsTheLastNodePutAndAnswersOnlyForItsOwnHash() {
    TrieNodeCache cache = new TrieNodeCache(1);
    LeafNode first = new LeafNode(new byte[] {1}, new byte[] {1});
    LeafNode second = new LeafNode(new byte[] {2}, new byte[] {2});
    byte[] firstHash = Keccak256.hash(first.encoding().rlp());
    byte[] secondHash = Keccak256.hash(second.encoding().rlp());
    cache.put(firstHash, first);
    assertSame(first, cache.get(firstHash.clone()));
    cache.put(secondHash, second);
    assertNull(cache.get(firstHash), "evicted by the node put into the same slot");
    assertSame(second, cache.get(secondHash));
    assertEquals(2, cache.hits());
    assertEquals(1, cache.misses());
  }

  @Test
  void theEmptyCacheHoldsNothingAndCapacitiesArePowersOfTwo() {
    LeafNode leaf = new LeafNode(new byte[] {1}, new byte[] {1});
    byte[] hash = Keccak256.hash(leaf.encoding().rlp());
    TrieNodeCache.NONE.put(hash, leaf);
    assertNull(TrieNodeCache.NONE.get(hash));
    assertEquals(0, TrieNodeCache.NONE.capacity());
    assertThrows(IllegalArgumentException.class, () -> new TrieNodeCache(3));
    assertThrows(IllegalArgumentException.class, () -> new TrieNodeCache(-4));
  }

  @Provide
  Arbitrary<History> histories() {
    return TrieGenerators.histories();
  }

  private static byte[] key(int i) {
    return new byte[] {(byte) (i >> 8), (byte) i};
  }

  private static byte[] value(int i) {
    return ("balance " + i).getBytes();
  }

  /** An in-memory store that counts the nodes read from it. */
  private static final class CountingStore implements NodeStore {
    private final InMemoryNodeStore nodes;
    private final AtomicInteger reads = new AtomicInteger();

    CountingStore(TrieNodeCache cache) {
      this.nodes = new InMemoryNodeStore(cache);
    }

    @Override
    public Optional<byte[]> get(byte[] hash) {
      reads.incrementAndGet();
      return nodes.get(hash);
    }

    @Override
    public void put(byte[] hash, byte[] encodedNode) {
      nodes.put(hash, encodedNode);
    }

    @Override
    public TrieNodeCache decodedNodes() {
      return nodes.decodedNodes();
    }
  }
}
