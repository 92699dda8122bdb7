package io.luxtensor.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a stretch of consecutive blocks shows about consensus timing: the slots in which no block was made, and
 * how many slots each block's finalized checkpoint trails it (the finality its own chain proves when it is made).
 *
 * @param missedSlotsAt the first {@link #MISSED_LISTED} slots without a block, for a reader to look them up
 */
record ChainCadence(
    long firstNumber,
    long lastNumber,
    long firstSlot,
    long lastSlot,
    long missedSlots,
    long longestGapSlots,
    List<Long> missedSlotsAt,
    long finalityLagMedian,
    long finalityLagMax,
    long blocksOverLag,
    long lagLimit) {

  static final int MISSED_LISTED = 20;

  /** One block as the cadence needs it. */
  record BlockSlots(long number, long slot, long finalizedSlot) {}

  /**
   * @param blocks consecutive blocks of one chain, oldest first, at least one
   * @param lagLimit the finality lag, in slots, above which a block is counted in {@link #blocksOverLag}
   */
  static ChainCadence of(List<BlockSlots> blocks, long lagLimit) {
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("no blocks to measure");
    }
    long missed = 0;
    long longestGap = 0;
    List<Long> missedAt = new ArrayList<>();
    long[] lags = new long[blocks.size()];
    long overLag = 0;
    for (int i = 0; i < blocks.size(); i++) {
      BlockSlots block = blocks.get(i);
      if (i > 0) {
        BlockSlots parent = blocks.get(i - 1);
        if (block.number() != parent.number() + 1 || block.slot() <= parent.slot()) {
          throw new IllegalArgumentException("block " + block.number() + " at slot " + block.slot()
              + " does not follow block " + parent.number() + " at slot " + parent.slot());
        }
        long gap = block.slot() - parent.slot() - 1;
        missed += gap;
        longestGap = Math.max(longestGap, gap);
        for (long slot = parent.slot() + 1; slot < block.slot() && missedAt.size() < MISSED_LISTED; slot++) {
          missedAt.add(slot);
        }
      }
      lags[i] = block.slot() - block.finalizedSlot();
      if (lags[i] > lagLimit) {
        overLag++;
      }
    }
    Arrays.sort(lags);
    BlockSlots first = blocks.getFirst();
    BlockSlots last = blocks.getLast();
    return new ChainCadence(first.number(), last.number(), first.slot(), last.slot(), missed, longestGap,
        List.copyOf(missedAt), lags[(lags.length - 1) / 2], lags[lags.length - 1], overLag, lagLimit);
  }

  long blocks() {
    return lastNumber - firstNumber + 1;
  }

  long slots() {
    return lastSlot - firstSlot + 1;
  }
}
