package io.luxtensor.state;

import io.luxtensor.trie.NodeStore;
import io.luxtensor.trie.SecureTrie;
import io.luxtensor.trie.Trie;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The state at a committed root, read-only. Tries are opened per call (opening reads nothing), so one snapshot may be
 * shared by any number of threads, as long as the node store itself is safe for concurrent reads.
 */
public final class StateSnapshot implements StateReader {
  private final NodeStore nodes;
  private final Hash root;

  private StateSnapshot(NodeStore nodes, Hash root) {
    this.nodes = Objects.requireNonNull(nodes, "nodes");
    this.root = Objects.requireNonNull(root, "root");
  }

  public static StateSnapshot at(NodeStore nodes, Hash stateRoot) {
    return new StateSnapshot(nodes, stateRoot);
  }

  public Hash root() {
    return root;
  }

  @Override
  public Account account(Address address) {
    return accountTrie().get(address.toBytes()).map(Account::decode).orElse(Account.EMPTY);
  }

  @Override
  public BigInteger storage(Address address, Hash slot) {
    Account account = account(address);
    if (account.storageRoot().equals(Account.EMPTY_STORAGE_ROOT)) {
      return BigInteger.ZERO;
    }
    return storageTrie(account).get(slot.toBytes()).map(StorageValues::decode).orElse(BigInteger.ZERO);
  }

  /** EIP-1186: the account's proof against this root. */
  public List<byte[]> accountProof(Address address) {
    return accountTrie().proof(address.toBytes());
  }

  /** EIP-1186: a slot's proof against the account's storage root. */
  public List<byte[]> storageProof(Address address, Hash slot) {
    return storageTrie(account(address)).proof(slot.toBytes());
  }

  private Trie accountTrie() {
    return SecureTrie.open(nodes, root.toBytes());
  }

  private Trie storageTrie(Account account) {
    return SecureTrie.open(nodes, account.storageRoot().toBytes());
  }
}
