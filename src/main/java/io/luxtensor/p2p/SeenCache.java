package io.luxtensor.p2p;

import io.luxtensor.types.Hash;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hashes of messages already seen, so gossip handles and forwards each once; the oldest are forgotten beyond a
 * bound, which only costs a repeat of work already done. Owned by one thread (the network's event loop).
 */
final class SeenCache {
  private final int capacity;
  private final LinkedHashMap<Hash, Boolean> seen;

  SeenCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a seen cache holds at least one hash, not " + capacity);
    }
    this.capacity = capacity;
    this.seen = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
        return size() > SeenCache.this.capacity;
      }
    };
  }

  /** Records {@code hash}; true if it was not seen before (or was forgotten). */
  boolean add(Hash hash) {
    return seen.put(hash, Boolean.TRUE) == null;
  }

  boolean contains(Hash hash) {
    return seen.containsKey(hash);
  }

  int size() {
    return seen.size();
  }
}
