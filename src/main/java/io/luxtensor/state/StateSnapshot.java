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
 * The state at a committed root, read-only. Accounts and slots are read from the head's flat state while it holds this
 * root (one lookup), and through the trie otherwise. Tries are opened per call (opening reads nothing), so one
 * snapshot may be shared by any number of threads, as long as the stores are safe for concurrent reads.
 */
public final class StateSnapshot implements StateReader {
  private final NodeStore nodes;
  private final Hash root;
  private final HeadFlatState headFlat;

  private StateSnapshot(NodeStore nodes, Hash root, HeadFlatState headFlat) {
    this.nodes = Objects.requireNonNull(nodes, "nodes");
    this.root = Objects.requireNonNull(root, "root");
    this.headFlat = Objects.requireNonNull(headFlat, "headFlat");
  }

  /** The state at {@code stateRoot}, read through the trie. */
  public static StateSnapshot at(NodeStore nodes, Hash stateRoot) {
    return new StateSnapshot(nodes, stateRoot, HeadFlatState.NONE);
  }

  /** The state at {@code stateRoot}, read from {@code headFlat} while it holds that root, through the trie if not. */
  public static StateSnapshot at(NodeStore nodes, Hash stateRoot, HeadFlatState headFlat) {
    return new StateSnapshot(nodes, stateRoot, headFlat);
  }

  public Hash root() {
    return root;
  }

  @Override
  public Account account(Address address) {
    return headFlat.account(root, address).orElseGet(() -> accountFromTrie(address));
  }

  private Account accountFromTrie(Address address) {
    return accountTrie().get(address.toBytes()).map(Account::decode).orElse(Account.EMPTY);
  }

  @Override
  public BigInteger storage(Address address, Hash slot) {
    return headFlat.storage(root, address, slot).orElseGet(() -> storageFromTrie(address, slot));
  }

  private BigInteger storageFromTrie(Address address, Hash slot) {
    Account account = accountFromTrie(address);
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
    return storageTrie(accountFromTrie(address)).proof(slot.toBytes());
  }

  private Trie accountTrie() {
    return SecureTrie.open(nodes, root.toBytes());
  }

  private Trie storageTrie(Account account) {
    return SecureTrie.open(nodes, account.storageRoot().toBytes());
  }
}
