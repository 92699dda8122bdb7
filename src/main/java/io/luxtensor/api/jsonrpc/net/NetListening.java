package io.luxtensor.api.jsonrpc.net;

import io.luxtensor.api.NetworkStatus;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/** {@code net_listening}: whether the node accepts peers' connections, as Ethereum clients mean it. */
public final class NetListening implements JsonRpcMethod {
  private final NetworkStatus network;

  public NetListening(NetworkStatus network) {
    this.network = network;
  }

  @Override
  public String name() {
    return "net_listening";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return network.listening();
  }
}
