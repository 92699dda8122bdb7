package io.luxtensor.execution;

import io.luxtensor.types.Address;
import io.luxtensor.types.RecoveredTransaction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Transactions offered to a block being built, best first, pulled one at a time: the builder accepts the one it
 * included, or skips its sender (whose later nonces then cannot follow in this block).
 */
public interface CandidateTransactions {

  /** The best transaction left, or empty when there is none. */
  Optional<RecoveredTransaction> peek();

  /** The transaction from {@link #peek} is in the block. */
  void accept();

  /** The transaction from {@link #peek} cannot go in, for {@code reason}; nor can its sender's later ones. */
  void skipSender(TransactionResult.Invalid reason);

  /** A fixed list in order (tests, and blocks built from a known list). */
  static CandidateTransactions of(List<RecoveredTransaction> transactions) {
    Deque<RecoveredTransaction> queue = new ArrayDeque<>(transactions);
    Set<Address> skipped = new HashSet<>();
    return new CandidateTransactions() {
      @Override
      public Optional<RecoveredTransaction> peek() {
        while (!queue.isEmpty() && skipped.contains(queue.peekFirst().sender())) {
          queue.removeFirst();
        }
        return Optional.ofNullable(queue.peekFirst());
      }

      @Override
      public void accept() {
        queue.removeFirst();
      }

      @Override
      public void skipSender(TransactionResult.Invalid reason) {
        skipped.add(queue.removeFirst().sender());
      }
    };
  }
}
