package io.luxtensor.storage;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.trie.NodeStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Trie nodes over a {@link KeyValueStore} for a writer that commits when it chooses rather than per trie: nodes put
 * here are read back from memory until {@link #flushInto} hands them to a batch. Unlike {@link BatchNodeStore}, it
 * outlives batches, so a long-lived owner (the fork-choice chain's core) can keep one. Not thread-safe: one writer.
 */
public final class BufferedNodeStore implements NodeStore {
  private final KeyValueStore store;
  private final Map<Bytes, byte[]> pending = new LinkedHashMap<>();

  public BufferedNodeStore(KeyValueStore store) {
    this.store = store;
  }

  @Override
  public Optional<byte[]> get(byte[] hash) {
    byte[] node = pending.get(Bytes.of(hash));
    return node != null ? Optional.of(node) : store.getShared(Column.TRIE_NODES, hash);
  }

  @Override
  public void put(byte[] hash, byte[] encodedNode) {
    pending.putIfAbsent(Bytes.of(hash), encodedNode);
  }

  /** Puts every node written since the last flush into {@code batch}; they are read from the store once it commits. */
  public void flushInto(WriteBatch batch) {
    pending.forEach((hash, node) -> batch.putShared(Column.TRIE_NODES, hash.toArray(), node));
  }

  /** Forgets the flushed nodes: call after the batch {@link #flushInto} filled has committed. */
  public void clearFlushed() {
    pending.clear();
  }
}
