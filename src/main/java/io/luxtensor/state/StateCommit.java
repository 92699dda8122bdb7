package io.luxtensor.state;

import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What committing a {@link WorldState} produced besides the trie nodes it wrote: the new root and the flat-state
 * changes, which the caller writes in the same atomic batch as the nodes (only for a block that becomes the head).
 *
 * @param stateRoot the new state root
 * @param accounts accounts changed, in address order; {@link Account#EMPTY} means deleted
 * @param storage slots changed, in order; zero means deleted
 */
public record StateCommit(Hash stateRoot, SortedMap<Address, Account> accounts, SortedMap<StorageSlot, BigInteger> storage) {
  public StateCommit {
    accounts = Collections.unmodifiableSortedMap(new TreeMap<>(accounts));
    storage = Collections.unmodifiableSortedMap(new TreeMap<>(storage));
  }
}
