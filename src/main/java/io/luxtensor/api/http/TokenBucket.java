package io.luxtensor.api.http;

/**
 * A token bucket: holds up to {@code burst} tokens, refills at {@code perSecond}, and each request takes one. Time is
 * an argument (milliseconds of any clock); a clock that steps back refills nothing. Not thread-safe: its owner
 * serializes calls.
 */
final class TokenBucket {
  private final double perMillisecond;
  private final double burst;
  private double tokens;
  private long lastMillis;

  /** A full bucket at {@code nowMillis}. */
  TokenBucket(int perSecond, int burst, long nowMillis) {
    if (perSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("rate and burst must be at least 1: " + perSecond + ", " + burst);
    }
    this.perMillisecond = perSecond / 1000.0;
    this.burst = burst;
    this.tokens = burst;
    this.lastMillis = nowMillis;
  }

  /** Takes a token if one is left at {@code nowMillis}. */
  boolean tryTake(long nowMillis) {
    refill(nowMillis);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  private void refill(long nowMillis) {
    if (nowMillis > lastMillis) {
      tokens = Math.min(burst, tokens + (nowMillis - lastMillis) * perMillisecond);
      lastMillis = nowMillis;
    }
  }
}
