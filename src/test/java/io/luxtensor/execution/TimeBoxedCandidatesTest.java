package io.luxtensor.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.testing.TestData;
import io.luxtensor.types.RecoveredTransaction;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimeBoxedCandidatesTest {
  private final TestData data = new TestData(11);
  private final List<RecoveredTransaction> transactions = List.of(
      RecoveredTransaction.recover(data.dynamicFeeTransaction()),
      RecoveredTransaction.recover(data.dynamicFeeTransaction()),
      RecoveredTransaction.recover(data.dynamicFeeTransaction()));
  private final AtomicLong nanos = new AtomicLong(Long.MAX_VALUE - 5);

  @Test
  void offersTheCandidatesUntilTheDeadlineAndNoneFromIt() {
    CandidateTransactions all = CandidateTransactions.of(transactions);
    TimeBoxedCandidates boxed = new TimeBoxedCandidates(all, nanos::get, nanos.get() + 3);

    assertEquals(transactions.get(0), boxed.peek().orElseThrow());
    boxed.accept();
    nanos.addAndGet(2);
    assertEquals(transactions.get(1), boxed.peek().orElseThrow(), "a nanosecond before the deadline");
    boxed.accept();
    nanos.addAndGet(1);

    assertTrue(boxed.peek().isEmpty(), "at the deadline");
    assertEquals(transactions.get(2), all.peek().orElseThrow(), "the rest stay with the candidates");
  }

  @Test
  void theDeadlineHoldsAcrossTheWrapOfTheNanosecondClock() {
    TimeBoxedCandidates boxed = new TimeBoxedCandidates(CandidateTransactions.of(transactions), nanos::get,
        nanos.get() + 10); // past Long.MAX_VALUE: System.nanoTime may wrap
    assertTrue(boxed.peek().isPresent());
    nanos.addAndGet(9);
    assertTrue(boxed.peek().isPresent(), "the clock wrapped, the deadline is a nanosecond away");
    nanos.addAndGet(1);
    assertTrue(boxed.peek().isEmpty());
  }
}
