package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/** {@code eth_getUncleCountByBlockNumber(block)}: 0 for a known block (proof of stake has no uncles), else null. */
public final class EthGetUncleCountByBlockNumber implements JsonRpcMethod {
  private final BlockResolver blocks;

  public EthGetUncleCountByBlockNumber(BlockchainQueries chain) {
    this.blocks = new BlockResolver(chain);
  }

  @Override
  public String name() {
    return "eth_getUncleCountByBlockNumber";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    return blocks.resolve(params.block(0, "block")).map(h -> "0x0").orElse(null);
  }
}
