package io.luxtensor.api.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One token bucket per client key (a remote address), in a bounded map: when it is full, the client seen least
 * recently is forgotten, which only gives it a full bucket again. Thread-safe; each call holds the lock for a map
 * lookup and a few arithmetic operations.
 */
public final class RateLimiter {
  /**
   * Clients tracked at once: 10,000 buckets take about 1 MB. A client forgotten after this many others were seen
   * gets a full bucket, so a flood from many addresses weakens only the limit, never memory.
   */
  static final int CLIENTS_TRACKED_MAX = 10_000;

  private final int perSecond;
  private final int burst;
  private final Map<String, TokenBucket> buckets;

  public RateLimiter(int perSecond, int burst) {
    this(perSecond, burst, CLIENTS_TRACKED_MAX);
  }

  RateLimiter(int perSecond, int burst, int clientsTrackedMax) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
        return size() > clientsTrackedMax;
      }
    };
  }

  /** Whether {@code client} may send a request at {@code nowMillis}; if so, it is counted. */
  public synchronized boolean tryAcquire(String client, long nowMillis) {
    return buckets.computeIfAbsent(client, c -> new TokenBucket(perSecond, burst, nowMillis)).tryTake(nowMillis);
  }

  public int perSecond() {
    return perSecond;
  }

  public int burst() {
    return burst;
  }

  synchronized int clientsTracked() {
    return buckets.size();
  }
}
