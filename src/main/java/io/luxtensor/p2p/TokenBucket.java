package io.luxtensor.p2p;

/**
 * A rate limit: {@code ratePerSecond} tokens a second, at most {@code burst} saved up. Time comes in as an argument,
 * so the limit is the same under test as in production. Owned by one thread.
 */
final class TokenBucket {
  private final long ratePerSecond;
  private final long burst;
  /** Thousandths of a token, so that slow rates refill without rounding to nothing. */
  private long milliTokens;
  private long lastMillis;

  TokenBucket(long ratePerSecond, long burst, long nowMillis) {
    if (ratePerSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("a rate limit needs a positive rate and burst, not " + ratePerSecond
          + "/s and " + burst);
    }
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.milliTokens = burst * 1_000;
    this.lastMillis = nowMillis;
  }

  /** Takes {@code tokens} if there are that many; false (and nothing taken) if the limit is reached. */
  boolean tryTake(long tokens, long nowMillis) {
    if (nowMillis > lastMillis) {
      milliTokens = Math.min(burst * 1_000, milliTokens + (nowMillis - lastMillis) * ratePerSecond);
      lastMillis = nowMillis;
    }
    if (milliTokens < tokens * 1_000) {
      return false;
    }
    milliTokens -= tokens * 1_000;
    return true;
  }
}
