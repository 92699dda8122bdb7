package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The window's bookkeeping: every transfer leaves it once, and nothing stranded is waited for. */
class TransferLedgerTest {
  /** Two senders: transfers 0, 2, 4, 6 from sender 0 (rounds 0 to 3), 1, 3, 5, 7 from sender 1. */
  private final AtomicInteger left = new AtomicInteger();
  private final TransferLedger ledger = new TransferLedger(8, 2, left::incrementAndGet);

  @Test
  void aTransferLeavesTheWindowOnceWhetherIncludedBeforeOrAfterItsAnswer() {
    assertTrue(ledger.included(1));
    ledger.accepted(1);
    ledger.accepted(0);
    assertEquals(1, ledger.awaited());
    assertTrue(ledger.included(0));
    assertFalse(ledger.included(0), "seen in a second block: no news");

    assertEquals(2, left.get());
    assertEquals(0, ledger.awaited());
    assertEquals(2, ledger.included());
    assertEquals(2, ledger.accepted());
  }

  @Test
  void acceptedTransfersBehindARefusedNonceAreNotAwaited() {
    ledger.accepted(0);
    ledger.accepted(4);
    ledger.accepted(3);
    ledger.refused(2, "txpool is full");
    assertEquals(2, left.get(), "transfer 2 refused, and 4 behind it, left the window");
    assertEquals(2, ledger.awaited(), "0 and sender 1's 3 are still awaited");

    ledger.accepted(6);
    assertEquals(3, left.get(), "6, accepted behind the refused 2, left at once");
    assertEquals(2, ledger.awaited());
    assertEquals(1, ledger.rejections().total());
  }
}
