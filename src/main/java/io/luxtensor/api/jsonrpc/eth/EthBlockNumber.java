package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;

/** {@code eth_blockNumber}: the head's number. */
public final class EthBlockNumber implements JsonRpcMethod {
  private final BlockchainQueries chain;

  public EthBlockNumber(BlockchainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_blockNumber";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return JsonRpcResults.quantity(chain.latest().number());
  }
}
