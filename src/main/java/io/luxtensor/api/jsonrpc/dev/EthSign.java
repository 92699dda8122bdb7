package io.luxtensor.api.jsonrpc.dev;

import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.bytes.Hex;

/** {@code eth_sign(address, data)}: an EIP-191 personal-message signature by a dev account. */
public final class EthSign implements JsonRpcMethod {
  private final DevKeys keys;

  public EthSign(DevKeys keys) {
    this.keys = keys;
  }

  @Override
  public String name() {
    return "eth_sign";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    return Hex.encode(DevKeys.signPersonalMessage(keys.keyOf(params.address(0, "address")), params.data(1, "data")));
  }
}
