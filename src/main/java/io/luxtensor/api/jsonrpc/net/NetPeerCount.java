package io.luxtensor.api.jsonrpc.net;

import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/** {@code net_peerCount}: {@code 0x0} until peer-to-peer networking lands; then the connected peers. */
public final class NetPeerCount implements JsonRpcMethod {
  @Override
  public String name() {
    return "net_peerCount";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return "0x0";
  }
}
