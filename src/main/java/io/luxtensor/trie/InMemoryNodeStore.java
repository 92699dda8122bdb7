package io.luxtensor.trie;

import io.luxtensor.crypto.Keccak256;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link NodeStore} in a hash map, for tests and dev chains. It grows with every committed node, as a database
 * would: bound it by what you commit. Readers of old roots may read while the owner of the trie commits, hence the
 * concurrent map; arrays are copied in and out so no caller can change a stored node.
 */
public final class InMemoryNodeStore implements NodeStore {
  private final Map<HashKey, byte[]> nodes = new ConcurrentHashMap<>();

  @Override
  public Optional<byte[]> get(byte[] hash) {
    byte[] node = nodes.get(new HashKey(hash));
    return Optional.ofNullable(node);
  }

  @Override
  public void put(byte[] hash, byte[] encodedNode) {
    nodes.putIfAbsent(new HashKey(hash), encodedNode.clone());
  }

  /** How many distinct nodes are stored. */
  public int size() {
    return nodes.size();
  }

  /** A node hash as a map key: arrays compare by identity, hashes must compare by content. */
  private record HashKey(byte[] hash) {
    HashKey {
      if (hash.length != Keccak256.LENGTH) {
        throw new IllegalArgumentException("a node hash is " + Keccak256.LENGTH + " bytes, got " + hash.length);
      }
      hash = hash.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof HashKey other && Arrays.equals(hash, other.hash);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(hash);
    }
  }
}
