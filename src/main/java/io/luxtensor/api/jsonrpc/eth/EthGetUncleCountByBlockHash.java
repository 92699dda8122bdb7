package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/** {@code eth_getUncleCountByBlockHash(hash)}: 0 for a known block (proof of stake has no uncles), else null. */
public final class EthGetUncleCountByBlockHash implements JsonRpcMethod {
  private final BlockchainQueries chain;

  public EthGetUncleCountByBlockHash(BlockchainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getUncleCountByBlockHash";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    return chain.header(params.hash(0, "hash")).map(h -> "0x0").orElse(null);
  }
}
