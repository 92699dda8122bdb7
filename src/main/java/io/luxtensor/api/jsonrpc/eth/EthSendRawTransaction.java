package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.PendingTransactions;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.execution.StatelessTransactionValidator;
import io.luxtensor.execution.TransactionValidity;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.TransactionDecodingException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code eth_sendRawTransaction(data)}: decodes, checks what needs no state (signature, chain id, fees, intrinsic
 * gas) here on the worker thread, then hands the transaction to the pool and returns its hash. Malformed bytes are
 * -32602; refusals are -32000 with Geth's messages.
 */
public final class EthSendRawTransaction implements JsonRpcMethod {
  /** How long to wait for the pool's verdict before answering with an error (the pool answers in microseconds). */
  static final long POOL_TIMEOUT_MILLIS_MAX = 10_000;

  private final StatelessTransactionValidator validator;
  private final PendingTransactions pool;

  public EthSendRawTransaction(StatelessTransactionValidator validator, PendingTransactions pool) {
    this.validator = validator;
    this.pool = pool;
  }

  @Override
  public String name() {
    return "eth_sendRawTransaction";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    byte[] raw = params.data(0, "transaction");
    Transaction tx;
    try {
      tx = Transaction.decode(raw);
    } catch (TransactionDecodingException e) {
      throw JsonRpcException.invalidParams("invalid argument 0 (transaction): " + e.getMessage());
    }
    RecoveredTransaction recovered = switch (validator.validate(tx)) {
      case TransactionValidity.Invalid invalid -> throw new JsonRpcException(JsonRpcError.SERVER_ERROR, invalid.message());
      case TransactionValidity.Valid valid -> new RecoveredTransaction(tx, valid.sender());
    };
    PendingTransactions.Submission submission;
    try {
      submission = pool.submit(recovered).get(POOL_TIMEOUT_MILLIS_MAX, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "interrupted while submitting");
    } catch (ExecutionException | TimeoutException e) {
      throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "the transaction pool did not answer: " + e.getMessage());
    }
    return switch (submission) {
      case PendingTransactions.Submission.Accepted accepted -> accepted.hash().toHex();
      case PendingTransactions.Submission.Rejected rejected ->
          throw new JsonRpcException(JsonRpcError.SERVER_ERROR, rejected.message());
    };
  }
}
