package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.luxtensor.node.ChainService.Sealing.EverySlot;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** How long a proposer fills its block on a chain with several validators. */
class BlockFillBoundTest {

  @Test
  void theDefaultIsASixteenthOfTheSlot() {
    assertEquals(15_625_000, new EverySlot().blockFillNanos(250));
    assertEquals(125_000_000, new EverySlot().blockFillNanos(2_000));
  }

  @Test
  void anOperatorsBoundReplacesItWhenItEndsBeforeTheVote() {
    EverySlot forty = new EverySlot(OptionalLong.of(40));
    forty.check(250);
    assertEquals(40_000_000, forty.blockFillNanos(250));
    new EverySlot(OptionalLong.of(82)).check(250);
    assertEquals("83 ms is not between 1 and a third of the 250 ms slot, when validators vote on the block: at most 82",
        assertThrows(IllegalArgumentException.class, () -> new EverySlot(OptionalLong.of(83)).check(250)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new EverySlot(OptionalLong.of(0)).check(250));
  }
}
