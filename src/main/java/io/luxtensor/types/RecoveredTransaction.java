package io.luxtensor.types;

import java.util.Objects;

/**
 * A signed transaction with the sender recovered from its signature, so the ~200 µs recovery happens once.
 *
 * @param transaction the signed transaction
 * @param sender the address its signature recovers to
 */
public record RecoveredTransaction(Transaction transaction, Address sender) {
  public RecoveredTransaction {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(sender, "sender");
  }

  /** Recovers the sender (the expensive step). */
  public static RecoveredTransaction recover(Transaction transaction) {
    return new RecoveredTransaction(transaction, transaction.recoverSender());
  }
}
