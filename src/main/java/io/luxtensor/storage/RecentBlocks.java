package io.luxtensor.storage;

import io.luxtensor.chain.StoredBlock;
import io.luxtensor.types.Hash;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The blocks read or made head last, decoded, by hash. dApps and explorers ask for the head block many times a
 * second; decoding it from the store and hashing each transaction again took 3.5 ms for a block of 520 transfers.
 * A block's hash names its content, so an entry never goes stale. Only a cache for readers: nothing here decides
 * state.
 */
final class RecentBlocks {
  private final Map<Hash, StoredBlock> blocks;

  RecentBlocks(int capacity) {
    this.blocks = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Hash, StoredBlock> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Keeps {@code block}, stored already, as the most recently used. */
  void put(StoredBlock block) {
    synchronized (blocks) {
      blocks.put(block.block().hash(), block);
    }
  }

  /** The block with {@code hash}, from here or else from {@code load} (and then kept). */
  Optional<StoredBlock> get(Hash hash, Function<Hash, Optional<StoredBlock>> load) {
    synchronized (blocks) {
      StoredBlock cached = blocks.get(hash);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    Optional<StoredBlock> loaded = load.apply(hash);
    loaded.ifPresent(block -> {
      synchronized (blocks) {
        blocks.put(hash, block);
      }
    });
    return loaded;
  }
}
