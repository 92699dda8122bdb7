package io.luxtensor.api.jsonrpc.txpool;

import com.fasterxml.jackson.databind.node.TextNode;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.txpool.ValidatedTransaction;
import io.luxtensor.types.Address;
import io.luxtensor.types.Transaction;

/**
 * {@code txpool_inspect}: txpool_content's shape with a one-line summary per transaction, in Geth's words:
 * {@code "0xRecipient: 1000 wei + 21000 gas × 2000000000 wei"} (recipient EIP-55 checksummed; the price is the gas
 * price, or the fee cap of an EIP-1559 transaction).
 */
public final class TxPoolInspect implements JsonRpcMethod {
  private final PendingTransactions pool;

  public TxPoolInspect(PendingTransactions pool) {
    this.pool = pool;
  }

  @Override
  public String name() {
    return "txpool_inspect";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return PoolContents.render(pool.content(), tx -> new TextNode(summary(tx)));
  }

  static String summary(ValidatedTransaction pooled) {
    Transaction tx = pooled.tx();
    String to = tx.to().map(Address::toChecksumHex).orElse("contract creation");
    return to + ": " + tx.value().value() + " wei + " + Long.toUnsignedString(tx.gasLimit()) + " gas × "
        + tx.maxFeePerGas() + " wei";
  }
}
