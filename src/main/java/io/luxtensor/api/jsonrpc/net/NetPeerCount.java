package io.luxtensor.api.jsonrpc.net;

import io.luxtensor.api.NetworkStatus;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;

/** {@code net_peerCount}: the peers connected now. */
public final class NetPeerCount implements JsonRpcMethod {
  private final NetworkStatus network;

  public NetPeerCount(NetworkStatus network) {
    this.network = network;
  }

  @Override
  public String name() {
    return "net_peerCount";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return JsonRpcResults.quantity(network.peerCount());
  }
}
