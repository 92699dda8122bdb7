package io.luxtensor.node;

/**
 * When a node that seals "whenever transactions are pending" seals: once transactions stop arriving for a moment
 * (the quiet period), so that a lone transaction is in a block about a millisecond after it arrives; under a steady
 * stream, at the latest {@code maxWaitNanos} after the first of them, so that blocks grow with the load instead of
 * each costing a VRF proof, two signatures and a state commit for a handful of transactions; at once when the pool
 * holds more than a block takes.
 *
 * @param quietNanos how long no transaction must arrive before sealing
 * @param maxWaitNanos the longest a pending transaction waits for its block while others keep arriving
 */
record InstantSealSchedule(long quietNanos, long maxWaitNanos) {
  static final InstantSealSchedule DEFAULT = new InstantSealSchedule(1_000_000, 50_000_000);

  InstantSealSchedule {
    if (quietNanos < 0 || maxWaitNanos < quietNanos) {
      throw new IllegalArgumentException("need 0 <= quiet <= max wait, got " + quietNanos + ", " + maxWaitNanos);
    }
  }

  /**
   * How long to wait before sealing; 0 to seal now.
   *
   * @param firstPendingNanos when the first transaction not yet in a block arrived ({@link System#nanoTime()})
   * @param lastArrivalNanos when the latest one arrived
   * @param blockFull whether the pending transactions fill a block already
   */
  long delayNanos(long nowNanos, long firstPendingNanos, long lastArrivalNanos, boolean blockFull) {
    if (blockFull) {
      return 0;
    }
    long sealAt = Math.min(lastArrivalNanos + quietNanos, firstPendingNanos + maxWaitNanos);
    return Math.max(0, sealAt - nowNanos);
  }
}
