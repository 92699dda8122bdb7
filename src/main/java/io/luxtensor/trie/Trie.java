package io.luxtensor.trie;

import java.util.List;
import java.util.Optional;

/**
 * A key-value map committed to by a 32-byte root hash. One owner updates it; readers of a committed root open their
 * own instance at that root. Implementations are not thread-safe.
 */
public interface Trie {

  /** The value stored under {@code key}, or empty if there is none. */
  Optional<byte[]> get(byte[] key);

  /** Stores {@code value} under {@code key}; an empty value deletes the key, as in Ethereum. */
  void put(byte[] key, byte[] value);

  /** Removes {@code key}; nothing happens if it is absent. */
  void delete(byte[] key);

  /** The root hash of the current content, committed or not. */
  byte[] rootHash();

  /** Writes the nodes changed since the last commit to the store and returns the root hash. */
  byte[] commit();

  /**
   * The EIP-1186 proof for {@code key}: the RLP of each node on its path from the root that is referenced by hash
   * (the root always), root first. It proves the value, or the absence of the key.
   */
  List<byte[]> proof(byte[] key);
}
