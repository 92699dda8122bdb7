package io.luxtensor.txpool;

import io.luxtensor.types.Hash;
import java.util.List;
import java.util.Objects;

/** What {@link TxPool#add} did with a transaction. */
public sealed interface AddResult {

  /**
   * Executable now: its nonce is the sender's next.
   *
   * @param promoted queued transactions of the same sender that this one made executable, in nonce order
   */
  record AddedPending(List<ValidatedTransaction> promoted) implements AddResult {
    public AddedPending {
      promoted = List.copyOf(promoted);
    }
  }

  /** Held behind a nonce gap until the transactions before it arrive or are included. */
  record AddedQueued() implements AddResult {}

  /**
   * Took the place of the sender's transaction with the same nonce.
   *
   * @param replaced the hash of the transaction that left the pool
   * @param pending whether the slot is executable
   */
  record Replaced(Hash replaced, boolean pending) implements AddResult {
    public Replaced {
      Objects.requireNonNull(replaced, "replaced");
    }
  }

  /** Refused; the pool is unchanged. @param detail the numbers behind it, for the error message */
  record Rejected(TxPoolRejection reason, String detail) implements AddResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    /** Geth's message, then the detail: what the RPC returns (JSON-RPC error -32000). */
    public String message() {
      return detail.isEmpty() ? reason.message() : reason.message() + ": " + detail;
    }
  }
}
