package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/** {@code eth_getTransactionByBlockHashAndIndex(hash, index)}: a transaction of a stored block, or null. */
public final class EthGetTransactionByBlockHashAndIndex implements JsonRpcMethod {
  private final BlockchainQueries chain;

  public EthGetTransactionByBlockHashAndIndex(BlockchainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionByBlockHashAndIndex";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    return BlockTransactions.at(chain.block(params.hash(0, "hash")), params, 1);
  }
}
