package io.luxtensor.api.jsonrpc;

import io.luxtensor.api.PendingTransactions;
import io.luxtensor.execution.StatelessTransactionValidator;
import io.luxtensor.execution.TransactionValidity;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.TransactionDecodingException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the methods that send transactions hand them to the pool: raw bytes decoded (malformed: -32602), checked for
 * what needs no state (signature, chain id, fees, intrinsic gas: -32000 with Geth's messages), submitted, and the
 * pool's verdict awaited.
 */
public final class TransactionSubmission {
  /** How long to wait for the pool's verdict before answering with an error (the pool answers in microseconds). */
  static final long POOL_TIMEOUT_MILLIS_MAX = 10_000;

  private final StatelessTransactionValidator validator;
  private final PendingTransactions pool;

  public TransactionSubmission(StatelessTransactionValidator validator, PendingTransactions pool) {
    this.validator = validator;
    this.pool = pool;
  }

  /** Decodes signed transaction bytes given as parameter {@code index}. */
  public static Transaction decode(byte[] raw, int index) throws JsonRpcException {
    try {
      return Transaction.decode(raw);
    } catch (TransactionDecodingException e) {
      throw JsonRpcException.invalidParams("invalid argument " + index + " (transaction): " + e.getMessage());
    }
  }

  /** Checks {@code tx} and recovers its sender. */
  public RecoveredTransaction recover(Transaction tx) throws JsonRpcException {
    return switch (validator.validate(tx)) {
      case TransactionValidity.Invalid invalid -> throw new JsonRpcException(JsonRpcError.SERVER_ERROR,
          invalid.message());
      case TransactionValidity.Valid valid -> new RecoveredTransaction(tx, valid.sender());
    };
  }

  /** Submits {@code tx} to the pool; its hash if accepted. */
  public Hash submit(RecoveredTransaction tx) throws JsonRpcException {
    return submit(pool, tx);
  }

  /** Submits {@code tx}, already signed by a key the node holds, to {@code pool}; its hash if accepted. */
  public static Hash submit(PendingTransactions pool, RecoveredTransaction tx) throws JsonRpcException {
    PendingTransactions.Submission submission;
    try {
      submission = pool.submit(tx).get(POOL_TIMEOUT_MILLIS_MAX, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "interrupted while submitting");
    } catch (ExecutionException | TimeoutException e) {
      throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "the transaction pool did not answer: " + e.getMessage());
    }
    return switch (submission) {
      case PendingTransactions.Submission.Accepted accepted -> accepted.hash();
      case PendingTransactions.Submission.Rejected rejected ->
          throw new JsonRpcException(JsonRpcError.SERVER_ERROR, rejected.message());
    };
  }
}
