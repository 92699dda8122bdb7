package io.luxtensor.execution;

import io.luxtensor.types.Log;
import java.math.BigInteger;
import java.util.List;

/** What applying a message to the state did: executed (succeeded or reverted, paying gas either way) or refused. */
public sealed interface TransactionResult {

  /**
   * @param succeeded false if the call reverted (its state changes undone, gas still paid)
   * @param gasUsed gas charged, intrinsic gas included
   * @param logs events emitted (none when reverted)
   * @param returnData what the call returned, or the revert payload
   * @param effectiveGasPrice wei paid per gas
   * @param revertReason the reason when reverted, else empty
   */
  record Executed(boolean succeeded, long gasUsed, List<Log> logs, byte[] returnData, BigInteger effectiveGasPrice,
      String revertReason) implements TransactionResult {
    public Executed {
      logs = List.copyOf(logs);
    }
  }

  /** The message could not be executed at all; the state is unchanged. */
  record Invalid(TransactionInvalidReason reason, String detail) implements TransactionResult {
    public String message() {
      return detail.isEmpty() ? reason.message() : reason.message() + ": " + detail;
    }
  }
}
