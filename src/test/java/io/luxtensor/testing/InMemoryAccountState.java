package io.luxtensor.testing;

import io.luxtensor.txpool.AccountState;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.util.Map;
import java.util.TreeMap;

/** An immutable account view for pool tests: {@link #with} returns a new state, as a new head would. */
public final class InMemoryAccountState implements AccountState {
  private record Account(long nonce, Wei balance) {}

  private final Map<Address, Account> accounts;

  private InMemoryAccountState(Map<Address, Account> accounts) {
    this.accounts = accounts;
  }

  public static InMemoryAccountState empty() {
    return new InMemoryAccountState(Map.of());
  }

  /** This state with {@code address} set to {@code nonce} and {@code balance}. */
  public InMemoryAccountState with(Address address, long nonce, Wei balance) {
    Map<Address, Account> copy = new TreeMap<>(accounts);
    copy.put(address, new Account(nonce, balance));
    return new InMemoryAccountState(copy);
  }

  /** This state with many accounts set at once (a copy per call, so bulk set-up goes through here). */
  public InMemoryAccountState withAll(Map<Address, Wei> balances, long nonce) {
    Map<Address, Account> copy = new TreeMap<>(accounts);
    balances.forEach((address, balance) -> copy.put(address, new Account(nonce, balance)));
    return new InMemoryAccountState(copy);
  }

  @Override
  public long nonce(Address account) {
    Account found = accounts.get(account);
    return found == null ? 0 : found.nonce();
  }

  @Override
  public Wei balance(Address account) {
    Account found = accounts.get(account);
    return found == null ? Wei.ZERO : found.balance();
  }
}
