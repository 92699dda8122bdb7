package io.luxtensor.node;

/**
 * When a node that seals "whenever transactions are pending" seals: once transactions stop arriving for a moment
 * (the quiet period), so that a lone transaction is in a block a fraction of a millisecond after it arrives; under a
 * steady stream, at the latest {@code maxWaitNanos} after the first of them, so that blocks grow with the load
 * instead of each costing a VRF proof, two signatures and a state commit for a handful of transactions; at once when
 * the pool holds more than a block takes.
 *
 * <p>A lone pending transaction waits only {@code loneQuietNanos}: a client sending one transaction at a time is
 * answered after its block, so any wait is its latency, while the transactions of a batch arrive tens of
 * microseconds apart and are two or more pending by then, which the longer {@code quietNanos} keeps together.
 *
 * @param loneQuietNanos how long no transaction must arrive before sealing a single pending one
 * @param quietNanos how long no transaction must arrive before sealing several
 * @param maxWaitNanos the longest a pending transaction waits for its block while others keep arriving
 */
record InstantSealSchedule(long loneQuietNanos, long quietNanos, long maxWaitNanos) {
  static final InstantSealSchedule DEFAULT = new InstantSealSchedule(250_000, 1_000_000, 50_000_000);

  InstantSealSchedule {
    if (loneQuietNanos < 0 || quietNanos < loneQuietNanos || maxWaitNanos < quietNanos) {
      throw new IllegalArgumentException("need 0 <= lone quiet <= quiet <= max wait, got " + loneQuietNanos + ", "
          + quietNanos + ", " + maxWaitNanos);
    }
  }

  /**
   * How long to wait before sealing; 0 to seal now.
   *
   * @param firstPendingNanos when the first transaction not yet in a block arrived ({@link System#nanoTime()})
   * @param lastArrivalNanos when the latest one arrived
   * @param pending how many transactions are pending
   * @param blockFull whether the pending transactions fill a block already
   */
  long delayNanos(long nowNanos, long firstPendingNanos, long lastArrivalNanos, int pending, boolean blockFull) {
    if (blockFull) {
      return 0;
    }
    long quiet = pending <= 1 ? loneQuietNanos : quietNanos;
    long sealAt = Math.min(lastArrivalNanos + quiet, firstPendingNanos + maxWaitNanos);
    return Math.max(0, sealAt - nowNanos);
  }
}
