package io.luxtensor.trie;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decoded trie nodes by hash, so that walks over a {@link NodeStore} skip reading and decoding the nodes used most:
 * the top levels of the state trie, which every block rewrites and every read walks through. Tries opened over a
 * store share its cache ({@link NodeStore#decodedNodes()}); a commit puts the nodes it writes, so the next block
 * finds the current version of each changed node.
 *
 * <p>Direct-mapped: a hash has one slot, chosen by its leading bytes, and a new node replaces whatever held it. Keys
 * are Keccak-256 hashes, evenly spread, so no bookkeeping is needed to keep the hot nodes: they are put again each
 * time a block changes them. Nodes are content-addressed, so an entry is never stale and nothing needs invalidating,
 * on a reorganisation either. Safe for concurrent use; the cached nodes are immutable.
 */
public final class TrieNodeCache {
  /** Caches nothing: for stores whose nodes are cheap to read again, or where memory matters more. */
  public static final TrieNodeCache NONE = new TrieNodeCache(0);

  private final AtomicReferenceArray<Entry> slots;
  private final int mask;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /**
   * A cache of {@code capacity} slots, a power of two (or 0 for none). A slot holds one node; a branch of the state
   * trie with its 16 child hashes takes about 1.2 KB.
   */
  public TrieNodeCache(int capacity) {
    if (capacity < 0 || Integer.bitCount(capacity) > 1) {
      throw new IllegalArgumentException("capacity must be 0 or a power of two, got " + capacity);
    }
    this.slots = new AtomicReferenceArray<>(capacity);
    this.mask = capacity - 1;
  }

  /** How many nodes it can hold. */
  public int capacity() {
    return slots.length();
  }

  /** How many lookups found their node, since creation. */
  public long hits() {
    return hits.sum();
  }

  /** How many lookups did not, since creation (none are counted for a cache of capacity 0). */
  public long misses() {
    return misses.sum();
  }

  /** The node whose hash is {@code hash}, or null if it is not cached. */
  ContentNode get(byte[] hash) {
    if (slots.length() == 0) {
      return null;
    }
    Entry entry = slots.get(slotOf(hash));
    if (entry != null && Arrays.equals(entry.hash, hash)) {
      hits.increment();
      return entry.node;
    }
    misses.increment();
    return null;
  }

  /**
   * Caches {@code node} under {@code hash}, its hash. Children held in memory are replaced by their hashes first, so
   * an entry keeps one node alive, not the subtree an update built below it.
   */
  void put(byte[] hash, ContentNode node) {
    if (slots.length() != 0) {
      slots.set(slotOf(hash), new Entry(hash, detached(node)));
    }
  }

  private int slotOf(byte[] hash) {
    int leading = (hash[0] & 0xff) << 24 | (hash[1] & 0xff) << 16 | (hash[2] & 0xff) << 8 | hash[3] & 0xff;
    return leading & mask;
  }

  /** {@code node} as a decoder would produce it from its encoding: children referenced by hash as {@link HashNode}s. */
  private static ContentNode detached(ContentNode node) {
    return switch (node) {
      case LeafNode leaf -> leaf;
      case ExtensionNode extension -> {
        TrieNode child = referenceOf(extension.child());
        yield child == extension.child() ? extension : new ExtensionNode(extension.path(), child);
      }
      case BranchNode branch -> {
        TrieNode[] children = null;
        for (int slot = 0; slot < BranchNode.WIDTH; slot++) {
          TrieNode child = referenceOf(branch.child(slot));
          if (child != branch.child(slot)) {
            if (children == null) {
              children = branch.children();
            }
            children[slot] = child;
          }
        }
        yield children == null ? branch : new BranchNode(children, branch.value());
      }
    };
  }

  private static TrieNode referenceOf(TrieNode child) {
    return child instanceof ContentNode content && !content.encoding().embedded()
        ? new HashNode(content.encoding().hash())
        : child;
  }

  /** @param hash owned by the entry: the node's hash array, which no one modifies */
  private record Entry(byte[] hash, ContentNode node) {}
}
