package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;

/** {@code eth_chainId}: the EIP-155 chain id. */
public final class EthChainId implements JsonRpcMethod {
  private final BlockchainQueries chain;

  public EthChainId(BlockchainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_chainId";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return JsonRpcResults.quantity(chain.chainId());
  }
}
