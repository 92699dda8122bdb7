package io.luxtensor.crypto;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Results of a pure, costly function (signature recovery, VRF verification) by their inputs. A node meets the same
 * signature or proof several times (a transaction in the pool and again in a block; a vote gossiped and again in a
 * block; a header checked when its batch arrives and again at import), so the second time costs a lookup. Since the
 * function is pure, the cache can never change an answer, only its cost; failures are not cached.
 *
 * <p>Two generations bound it: entries go into the current one; when it is full it becomes the previous one and the
 * one before is dropped; a hit in the previous generation moves back into the current. So an entry survives at least
 * {@code generationEntries} newer ones, and memory stays below two generations. Thread-safe.
 */
final class GenerationalCache<K, V> {
  private final int generationEntries;
  private volatile Map<K, V> current;
  private volatile Map<K, V> previous;

  GenerationalCache(int generationEntries) {
    if (generationEntries < 1) {
      throw new IllegalArgumentException("a generation needs room for an entry, got " + generationEntries);
    }
    this.generationEntries = generationEntries;
    this.current = newGeneration();
    this.previous = newGeneration();
  }

  /** Sized for a full generation: growing one entry at a time rehashed it a dozen times per generation. */
  private Map<K, V> newGeneration() {
    return new ConcurrentHashMap<>(generationEntries);
  }

  Optional<V> get(K key) {
    V found = current.get(key);
    if (found == null) {
      found = previous.get(key);
      if (found != null) {
        put(key, found);
      }
    }
    return Optional.ofNullable(found);
  }

  synchronized void clear() {
    current = newGeneration();
    previous = newGeneration();
  }

  void put(K key, V value) {
    Map<K, V> generation = current;
    generation.put(key, value);
    if (generation.size() >= generationEntries) {
      synchronized (this) {
        if (current == generation) {
          previous = generation;
          current = newGeneration();
        }
      }
    }
  }
}
