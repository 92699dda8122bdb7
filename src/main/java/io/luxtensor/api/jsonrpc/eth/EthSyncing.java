package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/** {@code eth_syncing}: false; a single node is always at its own head (sync arrives with the network). */
public final class EthSyncing implements JsonRpcMethod {
  @Override
  public String name() {
    return "eth_syncing";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return false;
  }
}
