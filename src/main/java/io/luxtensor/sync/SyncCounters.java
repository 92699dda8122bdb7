package io.luxtensor.sync;

import java.util.concurrent.atomic.LongAdder;

/** What sync has done since the node started, for metrics: written by the one thread driving sync, read anywhere. */
public final class SyncCounters {
  private final LongAdder runs = new LongAdder();
  private final LongAdder blocks = new LongAdder();
  private final LongAdder transactions = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final LongAdder bans = new LongAdder();

  public void started() {
    runs.increment();
  }

  public void imported(int transactionCount) {
    blocks.increment();
    transactions.add(transactionCount);
  }

  public void banned() {
    bans.increment();
  }

  public void ended(long runRetries, long runTimeouts, long runBans) {
    retries.add(runRetries);
    timeouts.add(runTimeouts);
    bans.add(runBans);
  }

  /** Syncs started: one each time the node found itself behind. */
  public long runs() {
    return runs.sum();
  }

  public long blocksImported() {
    return blocks.sum();
  }

  public long transactionsImported() {
    return transactions.sum();
  }

  /** Batches asked again of another peer, over finished syncs. */
  public long retries() {
    return retries.sum();
  }

  public long timeouts() {
    return timeouts.sum();
  }

  /** Peers banned for what they served during sync. */
  public long bans() {
    return bans.sum();
  }
}
