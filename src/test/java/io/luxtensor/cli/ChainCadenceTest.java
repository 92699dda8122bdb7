package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.cli.ChainCadence.BlockSlots;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainCadenceTest {

  @Test
  void aBlockInEverySlotFinalizingItsParentMissesNothingAndLagsOneSlot() {
    List<BlockSlots> blocks = new ArrayList<>();
    for (long n = 10; n <= 109; n++) {
      blocks.add(new BlockSlots(n, n + 5, n + 4));
    }
    ChainCadence cadence = ChainCadence.of(blocks, 2);
    assertEquals(100, cadence.blocks());
    assertEquals(100, cadence.slots());
    assertEquals(0, cadence.missedSlots());
    assertEquals(0, cadence.longestGapSlots());
    assertEquals(List.of(), cadence.missedSlotsAt());
    assertEquals(1, cadence.finalityLagMedian());
    assertEquals(1, cadence.finalityLagMax());
    assertEquals(0, cadence.blocksOverLag());
  }

  @Test
  void gapsBetweenSlotsAreMissedSlotsAndLagsOverTheLimitAreCounted() {
    List<BlockSlots> blocks = List.of(
        new BlockSlots(1, 1, 0),
        new BlockSlots(2, 2, 0),
        new BlockSlots(3, 5, 2), // slots 3 and 4 missed; lag 3
        new BlockSlots(4, 6, 5),
        new BlockSlots(5, 8, 6), // slot 7 missed; lag 2
        new BlockSlots(6, 9, 8));
    ChainCadence cadence = ChainCadence.of(blocks, 2);
    assertEquals(3, cadence.missedSlots());
    assertEquals(2, cadence.longestGapSlots());
    assertEquals(List.of(3L, 4L, 7L), cadence.missedSlotsAt());
    assertEquals(9, cadence.slots());
    assertEquals(6, cadence.blocks());
    // lags 1, 2, 3, 1, 2, 1 sorted: 1 1 1 2 2 3; the lower median
    assertEquals(1, cadence.finalityLagMedian());
    assertEquals(3, cadence.finalityLagMax());
    assertEquals(1, cadence.blocksOverLag());
    assertEquals(3, ChainCadence.of(blocks, 1).blocksOverLag(), "lags 2, 3 and 2 exceed 1");
  }

  @Test
  void onlyTheFirstMissedSlotsAreListedButAllAreCounted() {
    ChainCadence cadence = ChainCadence.of(List.of(new BlockSlots(7, 100, 99), new BlockSlots(8, 200, 100)), 2);
    assertEquals(99, cadence.missedSlots());
    assertEquals(99, cadence.longestGapSlots());
    assertEquals(ChainCadence.MISSED_LISTED, cadence.missedSlotsAt().size());
    assertEquals(101L, cadence.missedSlotsAt().getFirst());
  }

  @Test
  void blocksThatDoNotFollowEachOtherAreRefused() {
    IllegalArgumentException skipped = assertThrows(IllegalArgumentException.class,
        () -> ChainCadence.of(List.of(new BlockSlots(1, 1, 0), new BlockSlots(3, 2, 0)), 2));
    assertTrue(skipped.getMessage().contains("does not follow block 1"), skipped.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ChainCadence.of(List.of(new BlockSlots(1, 4, 0), new BlockSlots(2, 4, 0)), 2));
    assertThrows(IllegalArgumentException.class, () -> ChainCadence.of(List.of(), 2));
  }
}
