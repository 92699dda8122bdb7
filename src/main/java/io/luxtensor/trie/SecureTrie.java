package io.luxtensor.trie;

import io.luxtensor.crypto.Keccak256;
import java.util.List;
import java.util.Optional;

/**
 * A {@link MerklePatriciaTrie} keyed by keccak256(key), as Ethereum's state trie (keyed by address) and storage
 * tries (keyed by slot) are: hashing spreads keys evenly, so no one can make a path deep by choosing keys.
 */
public final class SecureTrie implements Trie {
  private final MerklePatriciaTrie trie;

  private SecureTrie(MerklePatriciaTrie trie) {
    this.trie = trie;
  }

  public static SecureTrie empty(NodeStore store) {
    return new SecureTrie(MerklePatriciaTrie.empty(store));
  }

  public static SecureTrie open(NodeStore store, byte[] rootHash) {
    return new SecureTrie(MerklePatriciaTrie.open(store, rootHash));
  }

  /** What {@code proof} proves about the (unhashed) {@code key}; see {@link MerklePatriciaTrie#verifyProof}. */
  public static Optional<byte[]> verifyProof(byte[] rootHash, byte[] key, List<byte[]> proof) {
    return MerklePatriciaTrie.verifyProof(rootHash, Keccak256.hash(key), proof);
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    return trie.get(Keccak256.hash(key));
  }

  @Override
  public void put(byte[] key, byte[] value) {
    trie.put(Keccak256.hash(key), value);
  }

  @Override
  public void delete(byte[] key) {
    trie.delete(Keccak256.hash(key));
  }

  @Override
  public byte[] rootHash() {
    return trie.rootHash();
  }

  @Override
  public byte[] commit() {
    return trie.commit();
  }

  @Override
  public List<byte[]> proof(byte[] key) {
    return trie.proof(Keccak256.hash(key));
  }
}
