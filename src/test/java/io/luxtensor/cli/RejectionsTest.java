package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Refusals grouped by the node's fixed wording, the numbers of each case left out. */
class RejectionsTest {
  @Test
  void messagesAreGroupedByTheirWordsBeforeTheNumbersMostFrequentFirst() {
    Rejections rejections = new Rejections();
    rejections.add("nonce too low: next nonce 5, tx nonce 3");
    rejections.add("txpool is full");
    rejections.add("nonce too low: next nonce 6, tx nonce 1");
    rejections.add("HTTP 503: too many connections");
    rejections.add("Nonce too high. Expected nonce to be 0 but got 15. Note that transactions can't be queued when "
        + "automining.");
    rejections.add("Nonce too high. Expected nonce to be 3 but got 4. Note that transactions can't be queued when "
        + "automining.");

    assertEquals(6, rejections.total());
    assertEquals(List.of(
        new Rejections.Group("nonce too low", 2, "nonce too low: next nonce 5, tx nonce 3"),
        new Rejections.Group("Nonce too high", 2, "Nonce too high. Expected nonce to be 0 but got 15. Note that "
            + "transactions can't be queued when automining."),
        new Rejections.Group("txpool is full", 1, "txpool is full"),
        new Rejections.Group("HTTP 503", 1, "HTTP 503: too many connections")), rejections.groups());
  }

  @Test
  void reasonsBeyondTheLimitAreCountedTogether() {
    Rejections rejections = new Rejections();
    for (int i = 0; i < Rejections.REASONS_MAX + 5; i++) {
      rejections.add("reason " + i);
    }
    assertEquals(Rejections.REASONS_MAX + 5, rejections.total());
    assertEquals(Rejections.REASONS_MAX, rejections.groups().size());
    assertEquals(6, rejections.groups().get(0).count());
    assertEquals(Rejections.OTHER, rejections.groups().get(0).reason());
  }
}
