package io.luxtensor.crypto;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public keys already recovered, by message hash and signature. A node meets the same signature several times (a
 * transaction in the pool and again in a block; a vote gossiped and again in a block; a header checked when its
 * batch arrives and again at import), and recovery costs ~200 µs, so the second time costs a lookup. Recovery is a
 * pure function, so the cache can never change an answer, only its cost.
 *
 * <p>Two generations bound it: entries go into the current one; when it is full it becomes the previous one and the
 * one before is dropped; a hit in the previous generation moves back into the current. So an entry survives at least
 * {@link #GENERATION_ENTRIES} newer ones, and memory stays below two generations (~250 bytes an entry).
 */
final class RecoveredKeyCache {
  /** 16,384 entries: a few seconds of signatures at full load, ~4 MB a generation. */
  static final int GENERATION_ENTRIES = 16_384;

  private record Key(byte[] messageHash, byte[] signature) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Arrays.equals(messageHash, key.messageHash)
          && Arrays.equals(signature, key.signature);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(messageHash) + Arrays.hashCode(signature);
    }
  }

  private volatile Map<Key, PublicKey> current = new ConcurrentHashMap<>();
  private volatile Map<Key, PublicKey> previous = new ConcurrentHashMap<>();

  Optional<PublicKey> get(byte[] messageHash, Signature signature) {
    Key key = new Key(messageHash.clone(), signature.toBytes());
    PublicKey found = current.get(key);
    if (found == null) {
      found = previous.get(key);
      if (found != null) {
        put(key, found);
      }
    }
    return Optional.ofNullable(found);
  }

  void put(byte[] messageHash, Signature signature, PublicKey key) {
    put(new Key(messageHash.clone(), signature.toBytes()), key);
  }

  private void put(Key key, PublicKey value) {
    Map<Key, PublicKey> generation = current;
    generation.put(key, value);
    if (generation.size() >= GENERATION_ENTRIES) {
      synchronized (this) {
        if (current == generation) {
          previous = generation;
          current = new ConcurrentHashMap<>();
        }
      }
    }
  }
}
