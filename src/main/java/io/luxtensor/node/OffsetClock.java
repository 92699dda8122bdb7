package io.luxtensor.node;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A clock that can be moved forward (evm_increaseTime on a dev chain); never backward. */
final class OffsetClock implements LongSupplier {
  private final LongSupplier base;
  private final AtomicLong offsetMillis = new AtomicLong();

  OffsetClock(LongSupplier base) {
    this.base = base;
  }

  @Override
  public long getAsLong() {
    return base.getAsLong() + offsetMillis.get();
  }

  /** Moves the clock {@code millis} ahead; returns the total offset. */
  long advance(long millis) {
    return offsetMillis.addAndGet(millis);
  }
}
