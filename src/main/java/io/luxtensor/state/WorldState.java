package io.luxtensor.state;

import io.luxtensor.trie.NodeStore;
import io.luxtensor.trie.SecureTrie;
import io.luxtensor.trie.Trie;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state as the single writer changes it while executing blocks: reads go to the changes made so far, then a cache,
 * then a reader of this root's state (the head's flat state, or a snapshot) or the tries; writes are kept in memory
 * with a journal, so {@link #revertTo} undoes everything after a {@link #checkpoint}; {@link #commit} writes the
 * changed trie nodes and returns the new root with the flat-state changes.
 *
 * <p>Not thread-safe: one owner. Readers use {@link StateSnapshot}s of committed roots.
 */
public final class WorldState implements StateReader {
  /** The cache keeps accounts read since the last commit; it is cleared past this size to bound memory. */
  static final int ACCOUNT_CACHE_MAX = 100_000;

  private final NodeStore nodes;
  private final Optional<StateReader> rootReader;
  private Hash root;
  private final Map<Address, Account> accountCache = new HashMap<>();
  /**
   * Changes since the last commit, hashed for the lookups every transaction makes (a sorted map's comparisons of
   * 20-byte keys were a tenth of import); {@link #commit} puts them in order before anything reads them out.
   */
  private final Map<Address, Account> changedAccounts = new HashMap<>();
  private final Map<StorageSlot, BigInteger> changedStorage = new HashMap<>();
  private final List<Undo> journal = new ArrayList<>();
  /** Slots read or written, reverted or not, when tracing (eth_createAccessList); bounded by the call's gas. */
  private final Optional<SortedSet<StorageSlot>> accessedStorage;

  private WorldState(NodeStore nodes, Hash root, Optional<StateReader> rootReader,
      Optional<SortedSet<StorageSlot>> accessedStorage) {
    this.nodes = Objects.requireNonNull(nodes, "nodes");
    this.root = Objects.requireNonNull(root, "root");
    this.rootReader = rootReader;
    this.accessedStorage = accessedStorage;
  }

  /** The state at {@code root}, read through the tries. */
  public static WorldState at(NodeStore nodes, Hash root) {
    return new WorldState(nodes, root, Optional.empty(), Optional.empty());
  }

  /**
   * The state at {@code root} whose reads of unchanged state go to {@code rootReader}, which reads exactly that root's
   * state (the head's flat state, or a {@link StateSnapshot} of the root): reads skip the trie walk where it can.
   */
  public static WorldState at(NodeStore nodes, Hash root, StateReader rootReader) {
    return new WorldState(nodes, root, Optional.of(rootReader), Optional.empty());
  }

  /** The state at {@code root}, recording every storage slot read or written: see {@link #accessedStorage()}. */
  public static WorldState tracingStorageAccess(NodeStore nodes, Hash root) {
    return new WorldState(nodes, root, Optional.empty(), Optional.of(new TreeSet<>()));
  }

  /**
   * The slots read or written so far, including those of reverted calls (they were still accessed), in address then
   * slot order; empty unless this state was opened with {@link #tracingStorageAccess}.
   */
  public SortedSet<StorageSlot> accessedStorage() {
    return accessedStorage.map(Collections::unmodifiableSortedSet).orElse(Collections.emptySortedSet());
  }

  /** The root of the last commit (changes since are not included). */
  public Hash committedRoot() {
    return root;
  }

  @Override
  public Account account(Address address) {
    Account changed = changedAccounts.get(address);
    if (changed != null) {
      return changed;
    }
    Account cached = accountCache.get(address);
    if (cached != null) {
      return cached;
    }
    Account loaded = rootReader.map(r -> r.account(address)).orElseGet(() -> accountFromTrie(address));
    if (accountCache.size() >= ACCOUNT_CACHE_MAX) {
      accountCache.clear();
    }
    accountCache.put(address, loaded);
    return loaded;
  }

  @Override
  public BigInteger storage(Address address, Hash slot) {
    StorageSlot key = new StorageSlot(address, slot);
    accessedStorage.ifPresent(accessed -> accessed.add(key));
    BigInteger changed = changedStorage.get(key);
    if (changed != null) {
      return changed;
    }
    if (rootReader.isPresent()) {
      return rootReader.get().storage(address, slot);
    }
    Account account = account(address);
    if (account.storageRoot().equals(Account.EMPTY_STORAGE_ROOT)) {
      return BigInteger.ZERO;
    }
    return SecureTrie.open(nodes, account.storageRoot().toBytes()).get(slot.toBytes())
        .map(StorageValues::decode).orElse(BigInteger.ZERO);
  }

  public Wei balance(Address address) {
    return account(address).balance();
  }

  public long nonce(Address address) {
    return account(address).nonce();
  }

  public void setAccount(Address address, Account account) {
    journal.add(new Undo.AccountChange(address, changedAccounts.get(address)));
    changedAccounts.put(address, account);
  }

  public void addBalance(Address address, Wei amount) {
    Account account = account(address);
    setAccount(address, account.withBalance(account.balance().add(amount)));
  }

  /** @throws ArithmeticException if the balance is smaller than {@code amount} */
  public void subtractBalance(Address address, Wei amount) {
    Account account = account(address);
    if (account.balance().compareTo(amount) < 0) {
      throw new ArithmeticException("balance of " + address + " is below " + amount);
    }
    setAccount(address, account.withBalance(account.balance().subtract(amount)));
  }

  public void incrementNonce(Address address) {
    Account account = account(address);
    setAccount(address, account.withNonce(account.nonce() + 1));
  }

  public void setStorage(Address address, Hash slot, BigInteger value) {
    StorageValues.checkWord(value);
    StorageSlot key = new StorageSlot(address, slot);
    accessedStorage.ifPresent(accessed -> accessed.add(key));
    journal.add(new Undo.StorageChange(key, changedStorage.get(key)));
    changedStorage.put(key, value);
  }

  /** A mark to {@link #revertTo}: everything changed after it can be undone. */
  public int checkpoint() {
    return journal.size();
  }

  /** Undoes every change made since {@code checkpoint}. */
  public void revertTo(int checkpoint) {
    if (checkpoint < 0 || checkpoint > journal.size()) {
      throw new IllegalArgumentException("no such checkpoint: " + checkpoint);
    }
    for (int i = journal.size() - 1; i >= checkpoint; i--) {
      switch (journal.remove(i)) {
        case Undo.AccountChange change -> restore(changedAccounts, change.address(), change.previous());
        case Undo.StorageChange change -> restore(changedStorage, change.slot(), change.previous());
      }
    }
  }

  /**
   * Writes the trie nodes of every change to {@code nodeSink} and returns the new root with the flat-state changes.
   * The state then continues from the new root, reading through {@code nodes}: the caller must have persisted the
   * nodes written to the sink before the next read that misses the cache.
   */
  public StateCommit commit(NodeStore nodeSink) {
    Trie accounts = SecureTrie.open(nodeSink, root.toBytes());
    SortedMap<Address, Account> committedAccounts = new TreeMap<>();
    SortedMap<Address, SortedMap<Hash, BigInteger>> storageByAccount = storageByAccount();
    for (Address address : allChangedAddresses(storageByAccount)) {
      Account account = account(address);
      SortedMap<Hash, BigInteger> slots = storageByAccount.get(address);
      if (slots != null) {
        Trie storage = SecureTrie.open(nodeSink, account.storageRoot().toBytes());
        slots.forEach((slot, value) -> storage.put(slot.toBytes(), value.signum() == 0
            ? new byte[0] : StorageValues.encode(value)));
        account = account.withStorageRoot(Hash.wrap(storage.commit()));
      }
      boolean remove = account.isEmpty() && account.storageRoot().equals(Account.EMPTY_STORAGE_ROOT);
      if (remove) {
        accounts.delete(address.toBytes());
      } else {
        accounts.put(address.toBytes(), account.encode());
      }
      committedAccounts.put(address, remove ? Account.EMPTY : account);
    }
    Hash newRoot = Hash.wrap(accounts.commit());
    StateCommit commit = new StateCommit(newRoot, committedAccounts, new TreeMap<>(changedStorage));
    root = newRoot;
    accountCache.putAll(committedAccounts);
    changedAccounts.clear();
    changedStorage.clear();
    journal.clear();
    return commit;
  }

  private SortedMap<Address, SortedMap<Hash, BigInteger>> storageByAccount() {
    SortedMap<Address, SortedMap<Hash, BigInteger>> out = new TreeMap<>();
    changedStorage.forEach((key, value) -> out.computeIfAbsent(key.address(), a -> new TreeMap<>()).put(key.slot(), value));
    return out;
  }

  private List<Address> allChangedAddresses(SortedMap<Address, SortedMap<Hash, BigInteger>> storageByAccount) {
    TreeMap<Address, Boolean> all = new TreeMap<>();
    changedAccounts.keySet().forEach(a -> all.put(a, true));
    storageByAccount.keySet().forEach(a -> all.put(a, true));
    return new ArrayList<>(all.keySet());
  }

  private Account accountFromTrie(Address address) {
    return SecureTrie.open(nodes, root.toBytes()).get(address.toBytes()).map(Account::decode).orElse(Account.EMPTY);
  }

  private static <K, V> void restore(Map<K, V> map, K key, V previous) {
    if (previous == null) {
      map.remove(key);
    } else {
      map.put(key, previous);
    }
  }

  /** How to undo one change: the value the change map held before (null when the key was not there). */
  private sealed interface Undo {
    record AccountChange(Address address, Account previous) implements Undo {}

    record StorageChange(StorageSlot slot, BigInteger previous) implements Undo {}
  }
}
