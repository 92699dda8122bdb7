package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;

/** {@code eth_getBlockTransactionCountByHash(hash)}: how many transactions a stored block holds, or null. */
public final class EthGetBlockTransactionCountByHash implements JsonRpcMethod {
  private final BlockchainQueries chain;

  public EthGetBlockTransactionCountByHash(BlockchainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBlockTransactionCountByHash";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    return chain.block(params.hash(0, "hash"))
        .map(b -> JsonRpcResults.quantity(b.block().transactions().size())).orElse(null);
  }
}
