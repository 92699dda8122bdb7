package io.luxtensor.trie;

import java.util.Optional;

/**
 * Where committed trie nodes live: the RLP encoding of each node, keyed by its 32-byte Keccak-256 hash. Because keys
 * are content hashes, writing the same pair twice is harmless and an entry never needs to change or go away.
 */
public interface NodeStore {

  /**
   * The encoded node whose hash is {@code hash}, or empty if this store does not hold it. A store may hand out the
   * array it keeps: callers must not modify it.
   */
  Optional<byte[]> get(byte[] hash);

  /**
   * Stores {@code encodedNode}, whose Keccak-256 hash is {@code hash}. A store may keep the array itself: callers
   * must not modify it afterwards (the trie hands over the encodings its nodes memoize, which never change).
   */
  void put(byte[] hash, byte[] encodedNode);
}
