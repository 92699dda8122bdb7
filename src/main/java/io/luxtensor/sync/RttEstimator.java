package io.luxtensor.sync;

/**
 * A peer's request timeout, adapted to its round-trip times as TCP does (RFC 6298, in integer milliseconds):
 * SRTT and RTTVAR are smoothed with gains 1/8 and 1/4, the timeout is SRTT + 4·RTTVAR, doubled after each timeout
 * in a row (a congested peer gets room instead of another miss), and clamped to the configured bounds.
 *
 * @param srttMs the smoothed round-trip time; meaningless until {@code sampled}
 * @param rttvarMs the smoothed mean deviation of the round-trip time
 * @param sampled whether any round trip was timed
 * @param timeoutsInARow timeouts since the last answer, capped where doubling can no longer matter
 */
public record RttEstimator(long srttMs, long rttvarMs, boolean sampled, int timeoutsInARow) {
  /** 2^5 = 32 × even the 500 ms minimum passes the 10 s maximum; more doubling changes nothing. */
  static final int BACKOFF_DOUBLINGS_MAX = 5;

  /** An hour: a longer round trip is a clock fault, and the bound keeps the arithmetic far from overflow. */
  static final long SAMPLE_MS_MAX = 3_600_000;

  public static final RttEstimator INITIAL = new RttEstimator(0, 0, false, 0);

  public RttEstimator {
    if (srttMs < 0 || rttvarMs < 0 || timeoutsInARow < 0 || timeoutsInARow > BACKOFF_DOUBLINGS_MAX) {
      throw new IllegalArgumentException("bad estimator state: srtt " + srttMs + " ms, rttvar " + rttvarMs
          + " ms, " + timeoutsInARow + " timeouts in a row");
    }
  }

  /** The estimate after a round trip of {@code rttMs}; values outside [0, an hour] are clamped. */
  public RttEstimator withSample(long rttMs) {
    long r = Math.max(0, Math.min(SAMPLE_MS_MAX, rttMs));
    if (!sampled) {
      return new RttEstimator(r, r / 2, true, 0);
    }
    long rttvar = (3 * rttvarMs + Math.abs(srttMs - r)) / 4;
    long srtt = (7 * srttMs + r) / 8;
    return new RttEstimator(srtt, rttvar, true, 0);
  }

  /** The estimate after a request timed out. */
  public RttEstimator withTimeout() {
    return new RttEstimator(srttMs, rttvarMs, sampled, Math.min(BACKOFF_DOUBLINGS_MAX, timeoutsInARow + 1));
  }

  /** How long to wait for this peer's next answer. */
  public long timeoutMs(SyncConfig config) {
    long max = config.timeoutMsMax();
    long base = sampled ? srttMs + 4 * rttvarMs : config.timeoutMsInitial();
    long t = Math.max(config.timeoutMsMin(), Math.min(max, base));
    for (int i = 0; i < timeoutsInARow && t < max; i++) {
      t = t > max / 2 ? max : t * 2;
    }
    return t;
  }
}
