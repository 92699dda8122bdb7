package io.luxtensor.api.jsonrpc.net;

import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/**
 * {@code net_listening}: true, since the API answering this is listening. Ethereum clients mean the peer-to-peer
 * listener here; LuxTensor has none yet, and when p2p lands this reports whether it accepts peers.
 */
public final class NetListening implements JsonRpcMethod {
  @Override
  public String name() {
    return "net_listening";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return true;
  }
}
