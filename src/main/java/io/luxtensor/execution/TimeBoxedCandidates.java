package io.luxtensor.execution;

import io.luxtensor.types.RecoveredTransaction;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Offers {@code candidates} until {@code deadlineNanos} on {@code nanoClock}, then none: a proposer stops filling its
 * block when the time it may spend on it is up. Only the proposer's choice of transactions depends on time; every
 * importer checks the block it made without a clock.
 */
public record TimeBoxedCandidates(CandidateTransactions candidates, LongSupplier nanoClock, long deadlineNanos)
    implements CandidateTransactions {

  @Override
  public Optional<RecoveredTransaction> peek() {
    return nanoClock.getAsLong() - deadlineNanos >= 0 ? Optional.empty() : candidates.peek();
  }

  @Override
  public void accept() {
    candidates.accept();
  }

  @Override
  public void skipSender(TransactionResult.Invalid reason) {
    candidates.skipSender(reason);
  }
}
