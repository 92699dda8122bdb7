package io.luxtensor.txpool;

import io.luxtensor.types.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The order transactions leave a full pool in: queued ones first (behind a nonce gap, they may never execute and
 * never pay), then pending ones; within each, the lowest effective tip at the head's base fee, then the newest.
 * A newcomer displaces only what ranks below it: a queued one only cheaper queued ones, as Geth keeps future
 * transactions from churning pending ones.
 */
final class EvictionOrder {
  private static final Comparator<PoolEntry> CHEAPEST_FIRST = (a, b) -> {
    int byTip = a.rankTip.compareTo(b.rankTip);
    return byTip != 0 ? byTip : Long.compare(b.arrival, a.arrival);
  };

  private final NavigableSet<PoolEntry> queued = new TreeSet<>(CHEAPEST_FIRST);
  private final NavigableSet<PoolEntry> pending = new TreeSet<>(CHEAPEST_FIRST);
  private BigInteger baseFee;

  EvictionOrder(BigInteger baseFee) {
    this.baseFee = baseFee;
  }

  /** The key a transaction is ranked by until the next {@link #rebuild}. */
  BigInteger rankTip(Transaction tx) {
    return Fees.effectiveTip(tx, baseFee);
  }

  void add(PoolEntry entry) {
    (entry.executable ? pending : queued).add(entry);
  }

  void remove(PoolEntry entry) {
    if (!queued.remove(entry)) {
      pending.remove(entry);
    }
  }

  /** Moves an entry whose {@link PoolEntry#executable} changed to its new tier. */
  void reclassify(PoolEntry entry) {
    remove(entry);
    add(entry);
  }

  /** Re-ranks everything at a new head: the base fee and the tiers changed. O(n log n), once per block. */
  void rebuild(BigInteger newBaseFee, Iterable<PoolEntry> entries) {
    baseFee = newBaseFee;
    queued.clear();
    pending.clear();
    for (PoolEntry entry : entries) {
      entry.rankTip = rankTip(entry.tx.tx());
      add(entry);
    }
  }

  /**
   * What {@code newcomer} would displace to free {@code countToFree} transactions and {@code bytesToFree} bytes,
   * cheapest first. It never displaces its own sender's transactions at or below its nonce: that would leave
   * it behind a gap, or displace the one it replaces.
   */
  Plan plan(PoolEntry newcomer, int countToFree, long bytesToFree) {
    List<PoolEntry> victims = new ArrayList<>();
    long freedBytes = 0;
    List<NavigableSet<PoolEntry>> tiers = newcomer.executable ? List.of(queued, pending) : List.of(queued);
    for (NavigableSet<PoolEntry> tier : tiers) {
      boolean newcomersTier = (tier == pending) == newcomer.executable;
      for (PoolEntry entry : tier) {
        if (entry.sender().equals(newcomer.sender()) && Long.compareUnsigned(entry.nonce(), newcomer.nonce()) <= 0) {
          continue;
        }
        if (newcomersTier && entry.rankTip.compareTo(newcomer.rankTip) >= 0) {
          return new Plan(victims, false, true);
        }
        victims.add(entry);
        freedBytes += entry.size();
        if (victims.size() >= countToFree && freedBytes >= bytesToFree) {
          return new Plan(victims, true, false);
        }
      }
    }
    return new Plan(victims, false, false);
  }

  /**
   * @param victims what to evict, cheapest first
   * @param makesRoom whether evicting them all frees enough
   * @param outpriced whether the search stopped at a transaction of the newcomer's tier paying at least as much
   */
  record Plan(List<PoolEntry> victims, boolean makesRoom, boolean outpriced) {}
}
