package io.luxtensor.txpool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One sender's transactions by nonce, all at or above the account nonce: the executable run that starts at the
 * account nonce (pending), then the rest behind a gap (queued). Their summed {@link PoolEntry#maxCost} never exceeds
 * the balance, so every pending transaction is affordable at the head.
 */
final class SenderTransactions {
  private final NavigableMap<Long, PoolEntry> byNonce = new TreeMap<>(Long::compareUnsigned);
  private long accountNonce;
  private BigInteger balance;
  private int pendingCount;
  private BigInteger totalCost = BigInteger.ZERO;

  SenderTransactions(long accountNonce, BigInteger balance) {
    this.accountNonce = accountNonce;
    this.balance = balance;
  }

  long accountNonce() {
    return accountNonce;
  }

  BigInteger balance() {
    return balance;
  }

  BigInteger totalCost() {
    return totalCost;
  }

  int size() {
    return byNonce.size();
  }

  boolean isEmpty() {
    return byNonce.isEmpty();
  }

  int pendingCount() {
    return pendingCount;
  }

  /** The nonce the sender's next executable transaction must carry: eth_getTransactionCount at "pending". */
  long nextPendingNonce() {
    return accountNonce + pendingCount;
  }

  PoolEntry get(long nonce) {
    return byNonce.get(nonce);
  }

  /** All transactions in nonce order: the pending run first. */
  Collection<PoolEntry> entries() {
    return byNonce.values();
  }

  /** The pending run in nonce order; it fails fast if the sender's transactions change while it is used. */
  Iterator<PoolEntry> pendingIterator() {
    return byNonce.values().stream().limit(pendingCount).iterator();
  }

  /**
   * Adds a transaction at a free nonce at or above the account nonce; it is executable if it carries the next
   * pending nonce, and then so are the queued ones that run on from it.
   *
   * @return the queued transactions it made executable, in nonce order
   */
  List<PoolEntry> insert(PoolEntry entry) {
    byNonce.put(entry.nonce(), entry);
    totalCost = totalCost.add(entry.maxCost);
    entry.executable = entry.nonce() == nextPendingNonce();
    if (!entry.executable) {
      return List.of();
    }
    pendingCount++;
    List<PoolEntry> promoted = new ArrayList<>();
    for (PoolEntry next = byNonce.get(nextPendingNonce()); next != null; next = byNonce.get(nextPendingNonce())) {
      next.executable = true;
      promoted.add(next);
      pendingCount++;
    }
    return promoted;
  }

  /** Puts {@code entry} in the place of {@code existing}, which has the same nonce; the slot keeps its status. */
  void replace(PoolEntry existing, PoolEntry entry) {
    byNonce.put(entry.nonce(), entry);
    entry.executable = existing.executable;
    totalCost = totalCost.subtract(existing.maxCost).add(entry.maxCost);
  }

  /**
   * Removes one transaction. If it was pending, those above it in the run now sit behind a gap.
   *
   * @return the transactions demoted from pending to queued
   */
  List<PoolEntry> remove(PoolEntry entry) {
    byNonce.remove(entry.nonce());
    totalCost = totalCost.subtract(entry.maxCost);
    List<PoolEntry> demoted = new ArrayList<>();
    if (entry.executable) {
      int kept = (int) (entry.nonce() - accountNonce);
      for (PoolEntry above : byNonce.tailMap(entry.nonce(), false).values()) {
        if (!above.executable) {
          break;
        }
        above.executable = false;
        demoted.add(above);
      }
      pendingCount = kept;
    }
    return demoted;
  }

  /**
   * Moves to a new head: drops what the new account nonce has spent (included, or replaced by a transaction included
   * from elsewhere) and what can no longer be included (gas above the block gas limit), then keeps the longest
   * run of the rest, in nonce order, that the new balance covers; the pending run is then recomputed, which demotes
   * what now sits behind a gap and promotes what no longer does.
   *
   * @return the transactions dropped
   */
  List<PoolEntry> rebase(long newAccountNonce, BigInteger newBalance, long blockGasLimit) {
    accountNonce = newAccountNonce;
    balance = newBalance;
    List<PoolEntry> dropped = new ArrayList<>();
    NavigableMap<Long, PoolEntry> spent = byNonce.headMap(newAccountNonce, false);
    dropped.addAll(spent.values());
    spent.clear();
    BigInteger covered = BigInteger.ZERO;
    boolean unaffordable = false;
    for (Iterator<PoolEntry> it = byNonce.values().iterator(); it.hasNext(); ) {
      PoolEntry entry = it.next();
      boolean fitsBlock = Long.compareUnsigned(entry.tx.tx().gasLimit(), blockGasLimit) <= 0;
      unaffordable = unaffordable || (fitsBlock && covered.add(entry.maxCost).compareTo(balance) > 0);
      if (unaffordable || !fitsBlock) {
        it.remove();
        dropped.add(entry);
      } else {
        covered = covered.add(entry.maxCost);
      }
    }
    totalCost = covered;
    pendingCount = 0;
    for (PoolEntry entry : byNonce.values()) {
      entry.executable = entry.nonce() == nextPendingNonce();
      if (entry.executable) {
        pendingCount++;
      }
    }
    return dropped;
  }
}
