package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;

/** {@code eth_getBlockByHash(hash, fullTransactions)}: a stored block, or null. */
public final class EthGetBlockByHash implements JsonRpcMethod {
  private final BlockchainQueries chain;

  public EthGetBlockByHash(BlockchainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBlockByHash";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    var hash = params.hash(0, "hash");
    boolean full = params.bool(1, "fullTransactions", false);
    return chain.block(hash).map(b -> JsonRpcResults.block(b, full)).orElse(null);
  }
}
