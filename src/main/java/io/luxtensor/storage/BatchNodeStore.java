package io.luxtensor.storage;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.trie.NodeStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The trie's {@link NodeStore} over a {@link KeyValueStore}: nodes are read from {@link Column#TRIE_NODES} and
 * written into a {@link WriteBatch}, so a trie commit becomes part of a block's atomic batch.
 *
 * <p>The batch cannot be read, so the nodes put here are also kept in an overlay that reads consult first: tries
 * over this adapter read back their nodes before the batch commits. The overlay is the adapter's own, not the
 * batch's: open every trie of a block over the same adapter. It holds what the batch holds and is bounded by the
 * batch's limits. Use one adapter per batch, on the batch's thread, and drop both after the commit.
 */
public final class BatchNodeStore implements NodeStore {
  private final KeyValueStore store;
  private final WriteBatch batch;
  private final Map<Bytes, byte[]> pending = new HashMap<>();
  /** The keys and values of {@link #pending} in the order they were put. */
  private final List<byte[]> writtenHashes = new ArrayList<>();
  private final List<byte[]> writtenNodes = new ArrayList<>();

  public BatchNodeStore(KeyValueStore store, WriteBatch batch) {
    this.store = store;
    this.batch = batch;
  }

  @Override
  public Optional<byte[]> get(byte[] hash) {
    byte[] node = pending.get(Bytes.of(hash));
    return node != null ? Optional.of(node) : store.getShared(Column.TRIE_NODES, hash);
  }

  /** Nodes are content-addressed: a node put twice goes into the batch once. */
  @Override
  public void put(byte[] hash, byte[] encodedNode) {
    Bytes key = Bytes.of(hash);
    if (!pending.containsKey(key)) {
      batch.putShared(Column.TRIE_NODES, hash, encodedNode);
      pending.put(key, encodedNode);
      writtenHashes.add(hash);
      writtenNodes.add(encodedNode);
    }
  }

  /** Calls {@code visitor} with the hash and encoding of each node put so far: the batch's arrays, not to modify. */
  public void forEachWritten(BiConsumer<byte[], byte[]> visitor) {
    for (int i = 0; i < writtenHashes.size(); i++) {
      visitor.accept(writtenHashes.get(i), writtenNodes.get(i));
    }
  }
}
