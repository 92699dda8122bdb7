package io.luxtensor.ai;

/**
 * When a subnet's Yuma epoch runs, as subtensor schedules it: every {@code tempo + 1} blocks, staggered by netuid so
 * that subnets do not all run in one block; and which epoch a block falls in, for commit-reveal windows.
 */
public final class Tempo {
  private Tempo() {}

  /** Whether subnet {@code netuid} runs its epoch at the end of {@code block}, the last block of an epoch. */
  public static boolean runsEpoch(int netuid, int tempo, long block) {
    return (block + netuid + 1) % ((long) tempo + 1) == tempo;
  }

  /** The first block after {@code block} at whose end subnet {@code netuid} runs its epoch. */
  public static long nextEpochBlock(int netuid, int tempo, long block) {
    long position = (block + netuid + 1) % ((long) tempo + 1);
    return block + (position == tempo ? tempo + 1 : tempo - position);
  }

  /** The index of the epoch {@code block} belongs to on subnet {@code netuid}. */
  public static long epochOf(int netuid, int tempo, long block) {
    return (block + netuid + 1) / ((long) tempo + 1);
  }

  /**
   * Whether weights committed in {@code committedAt} may be revealed in {@code block}: only in the epoch
   * {@code period} epochs after the commitment's, so validators cannot copy others' reveals of the same epoch in
   * time to be counted with them.
   */
  public static boolean isRevealWindow(int netuid, int tempo, int period, long committedAt, long block) {
    return epochOf(netuid, tempo, block) == epochOf(netuid, tempo, committedAt) + period;
  }

  /** Whether a commitment from {@code committedAt} can no longer be revealed in {@code block}. */
  public static boolean isExpired(int netuid, int tempo, int period, long committedAt, long block) {
    return epochOf(netuid, tempo, block) > epochOf(netuid, tempo, committedAt) + period;
  }
}
