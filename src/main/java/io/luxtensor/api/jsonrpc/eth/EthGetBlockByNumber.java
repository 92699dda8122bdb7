package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;

/** {@code eth_getBlockByNumber(block, fullTransactions)}: a canonical block by number or tag, or null. */
public final class EthGetBlockByNumber implements JsonRpcMethod {
  private final BlockchainQueries chain;
  private final BlockResolver blocks;

  public EthGetBlockByNumber(BlockchainQueries chain) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
  }

  @Override
  public String name() {
    return "eth_getBlockByNumber";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    var header = blocks.resolve(params.block(0, "block"));
    boolean full = params.bool(1, "fullTransactions", false);
    return header.flatMap(h -> chain.block(h.hash())).map(b -> JsonRpcResults.block(b, full)).orElse(null);
  }
}
