package io.luxtensor.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Sync progress as eth_syncing reports it (starting, current, highest block) and a log line shows it: percent,
 * import rate over a sliding window and an ETA. An immutable value, so the sync side can hand it to the API side.
 * Integer arithmetic throughout; time comes in as arguments.
 *
 * @param startingBlock the local head when the sync started
 * @param currentBlock the block imported last
 * @param highestBlock the highest block the sync aims at (grows as it follows the tail)
 * @param samples (current block, time) at each update within the rate window, oldest first
 */
public record SyncProgress(long startingBlock, long currentBlock, long highestBlock, List<Sample> samples) {
  /**
   * Long enough to smooth over one slow batch (a few seconds of executing heavy blocks), short enough that the ETA
   * follows a change of pace within a few log lines.
   */
  public static final long RATE_WINDOW_MS = 30_000;

  /** A sample a second over the window, with room; beyond it the oldest go first, shortening the window. */
  public static final int SAMPLES_MAX = 64;

  /** @param block the block imported last at {@code atMillis} */
  public record Sample(long block, long atMillis) {}

  public SyncProgress {
    samples = List.copyOf(samples);
    if (samples.isEmpty() || samples.size() > SAMPLES_MAX) {
      throw new IllegalArgumentException("need 1.." + SAMPLES_MAX + " samples, got " + samples.size());
    }
  }

  /** Progress at the start of a sync from {@code startingBlock} towards {@code highestBlock}. */
  public static SyncProgress start(long startingBlock, long highestBlock, long nowMillis) {
    return new SyncProgress(startingBlock, startingBlock, highestBlock,
        List.of(new Sample(startingBlock, nowMillis)));
  }

  /** Progress after importing up to {@code currentBlock}, aiming at {@code highestBlock}, at {@code nowMillis}. */
  public SyncProgress advance(long currentBlock, long highestBlock, long nowMillis) {
    long last = samples.get(samples.size() - 1).atMillis();
    if (nowMillis < last) {
      throw new IllegalArgumentException("time went back from " + last + " to " + nowMillis);
    }
    List<Sample> kept = new ArrayList<>();
    for (Sample s : samples) {
      if (s.atMillis() >= nowMillis - RATE_WINDOW_MS) {
        kept.add(s);
      }
    }
    kept.add(new Sample(currentBlock, nowMillis));
    List<Sample> window = kept.subList(Math.max(0, kept.size() - SAMPLES_MAX), kept.size());
    return new SyncProgress(startingBlock, currentBlock, highestBlock, window);
  }

  /** Blocks imported per second between the oldest and newest sample of the window; 0 without two of them apart. */
  public long blocksPerSecond() {
    Sample first = samples.get(0);
    Sample last = samples.get(samples.size() - 1);
    long elapsed = last.atMillis() - first.atMillis();
    return elapsed <= 0 ? 0 : Math.max(0, last.block() - first.block()) * 1_000 / elapsed;
  }

  /** How much of the way from the starting to the highest block is done, 0..100, rounded down. */
  public int percent() {
    long total = highestBlock - startingBlock;
    if (total <= 0) {
      return 100;
    }
    long done = Math.max(0, Math.min(total, currentBlock - startingBlock));
    return (int) (done * 100 / total);
  }

  /** Seconds to the highest block at the current rate, rounded up; empty while the rate is 0. */
  public OptionalLong etaSeconds() {
    long remaining = Math.max(0, highestBlock - currentBlock);
    if (remaining == 0) {
      return OptionalLong.of(0);
    }
    long rate = blocksPerSecond();
    return rate == 0 ? OptionalLong.empty() : OptionalLong.of((remaining + rate - 1) / rate);
  }

  /** E.g. {@code sync 42% 2100/5000 blocks, 850 blocks/s, eta 4s, 4 peers, 2 retries}. */
  public String logLine(int peers, long retries) {
    OptionalLong eta = etaSeconds();
    return "sync " + percent() + "% " + currentBlock + "/" + highestBlock + " blocks, " + blocksPerSecond()
        + " blocks/s, eta " + (eta.isPresent() ? eta.getAsLong() + "s" : "?") + ", " + peers + " peers, "
        + retries + " retries";
  }
}
