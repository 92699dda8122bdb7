package io.luxtensor.api.jsonrpc.net;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/** {@code net_version}: the network id, which is the chain id, in decimal. */
public final class NetVersion implements JsonRpcMethod {
  private final BlockchainQueries chain;

  public NetVersion(BlockchainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "net_version";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return Long.toString(chain.chainId());
  }
}
