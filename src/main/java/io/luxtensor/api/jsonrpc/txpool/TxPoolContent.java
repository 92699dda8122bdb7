package io.luxtensor.api.jsonrpc.txpool;

import io.luxtensor.api.PendingTransactions;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;

/**
 * {@code txpool_content}: every pooled transaction, pending and queued, by sender then nonce, each as
 * eth_getTransactionByHash shows a pending one. The pool holds at most its configured transaction count, which
 * bounds the answer.
 */
public final class TxPoolContent implements JsonRpcMethod {
  private final PendingTransactions pool;

  public TxPoolContent(PendingTransactions pool) {
    this.pool = pool;
  }

  @Override
  public String name() {
    return "txpool_content";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return PoolContents.render(pool.content(), tx -> JsonRpcResults.transaction(tx.tx(), tx.sender(), null, 0));
  }
}
