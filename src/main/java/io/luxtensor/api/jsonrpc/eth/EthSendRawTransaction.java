package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.PendingTransactions;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.TransactionSubmission;
import io.luxtensor.execution.StatelessTransactionValidator;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Transaction;
import java.util.concurrent.CompletableFuture;

/**
 * {@code eth_sendRawTransaction(data)}: decodes, checks what needs no state (signature, chain id, fees, intrinsic
 * gas) here on the worker thread, then hands the transaction to the pool and returns its hash. Malformed bytes are
 * -32602; refusals are -32000 with Geth's messages.
 */
public final class EthSendRawTransaction implements JsonRpcMethod {
  private final TransactionSubmission submission;

  public EthSendRawTransaction(StatelessTransactionValidator validator, PendingTransactions pool) {
    this.submission = new TransactionSubmission(validator, pool);
  }

  @Override
  public String name() {
    return "eth_sendRawTransaction";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    return TransactionSubmission.await(start(params));
  }

  /** Hands the transaction to the pool without waiting for its verdict: a batch of them reaches the pool at once. */
  @Override
  public CompletableFuture<Object> start(JsonRpcParams params) {
    try {
      params.atMost(1);
      Transaction tx = TransactionSubmission.decode(params.data(0, "transaction"), 0);
      return submission.submitAsync(submission.recover(tx)).thenApply(Hash::toHex);
    } catch (JsonRpcException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
