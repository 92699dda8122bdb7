package io.luxtensor.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Token buckets per client, with time as an argument. */
class RateLimiterTest {
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void aBucketAllowsItsBurstThenRefillsAtItsRate() {
    TokenBucket bucket = new TokenBucket(10, 5, T0);
    for (int i = 0; i < 5; i++) {
      assertTrue(bucket.tryTake(T0), "burst " + i);
    }
    assertFalse(bucket.tryTake(T0));
    assertFalse(bucket.tryTake(T0 + 99), "0.99 of a token after 99 ms at 10/s");
    assertTrue(bucket.tryTake(T0 + 100));
    assertFalse(bucket.tryTake(T0 + 100));
    for (int i = 0; i < 5; i++) {
      assertTrue(bucket.tryTake(T0 + 60_000), "an idle minute refills only up to the burst: " + i);
    }
    assertFalse(bucket.tryTake(T0 + 60_000));
  }

  @Test
  void aClockThatStepsBackRefillsNothing() {
    TokenBucket bucket = new TokenBucket(1, 1, T0);
    assertTrue(bucket.tryTake(T0));
    assertFalse(bucket.tryTake(T0 - 5_000));
    assertFalse(bucket.tryTake(T0 + 999), "the step back earned nothing");
    assertTrue(bucket.tryTake(T0 + 1_000));
  }

  @Test
  void eachClientHasItsOwnBucketAndTheMapIsBounded() {
    RateLimiter limiter = new RateLimiter(1, 2, 3);
    assertTrue(limiter.tryAcquire("10.0.0.1", T0));
    assertTrue(limiter.tryAcquire("10.0.0.1", T0));
    assertFalse(limiter.tryAcquire("10.0.0.1", T0));
    assertTrue(limiter.tryAcquire("10.0.0.2", T0), "another address is not held back");
    limiter.tryAcquire("10.0.0.3", T0);
    limiter.tryAcquire("10.0.0.4", T0);
    assertEquals(3, limiter.clientsTracked());
    assertTrue(limiter.tryAcquire("10.0.0.1", T0), "forgotten as least recently seen: a full bucket again");
  }

  @Test
  void bucketsNeedARateAndABurst() {
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, T0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, T0));
  }
}
