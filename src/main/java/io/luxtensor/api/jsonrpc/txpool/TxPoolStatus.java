package io.luxtensor.api.jsonrpc.txpool;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.txpool.PoolStatus;

/** {@code txpool_status}: how many transactions are pending (executable) and queued (behind a nonce gap). */
public final class TxPoolStatus implements JsonRpcMethod {
  private final PendingTransactions pool;

  public TxPoolStatus(PendingTransactions pool) {
    this.pool = pool;
  }

  @Override
  public String name() {
    return "txpool_status";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    PoolStatus status = pool.status();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("pending", JsonRpcResults.quantity(status.pending()));
    out.put("queued", JsonRpcResults.quantity(status.queued()));
    return out;
  }
}
