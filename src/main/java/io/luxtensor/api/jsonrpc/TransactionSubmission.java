package io.luxtensor.api.jsonrpc;

import io.luxtensor.api.PendingTransactions;
import io.luxtensor.execution.StatelessTransactionValidator;
import io.luxtensor.execution.TransactionValidity;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.TransactionDecodingException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

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

  /** Submits {@code tx} to the pool without waiting; completes with its hash, or fails with a JsonRpcException. */
  public CompletableFuture<Hash> submitAsync(RecoveredTransaction tx) {
    return submitAsync(pool, tx);
  }

  /** Submits {@code tx}, already signed by a key the node holds, to {@code pool}; its hash if accepted. */
  public static Hash submit(PendingTransactions pool, RecoveredTransaction tx) throws JsonRpcException {
    return await(submitAsync(pool, tx));
  }

  /** The result of a call started without waiting, or the JsonRpcException it failed with. */
  public static <T> T await(CompletableFuture<T> call) throws JsonRpcException {
    try {
      return call.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof JsonRpcException refused) {
        throw refused;
      }
      throw e;
    }
  }

  private static CompletableFuture<Hash> submitAsync(PendingTransactions pool, RecoveredTransaction tx) {
    return pool.submit(tx).orTimeout(POOL_TIMEOUT_MILLIS_MAX, TimeUnit.MILLISECONDS).handle((submission, failure) -> {
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
        throw new CompletionException(new JsonRpcException(JsonRpcError.SERVER_ERROR,
            "the transaction pool did not answer: " + cause));
      }
      return switch (submission) {
        case PendingTransactions.Submission.Accepted accepted -> accepted.hash();
        case PendingTransactions.Submission.Rejected rejected ->
            throw new CompletionException(new JsonRpcException(JsonRpcError.SERVER_ERROR, rejected.message()));
      };
    });
  }
}
