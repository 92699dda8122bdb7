package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/** {@code eth_getTransactionByBlockNumberAndIndex(block, index)}: a transaction of a canonical block, or null. */
public final class EthGetTransactionByBlockNumberAndIndex implements JsonRpcMethod {
  private final BlockchainQueries chain;
  private final BlockResolver blocks;

  public EthGetTransactionByBlockNumberAndIndex(BlockchainQueries chain) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
  }

  @Override
  public String name() {
    return "eth_getTransactionByBlockNumberAndIndex";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    var block = blocks.resolve(params.block(0, "block")).flatMap(h -> chain.block(h.hash()));
    return BlockTransactions.at(block, params, 1);
  }
}
