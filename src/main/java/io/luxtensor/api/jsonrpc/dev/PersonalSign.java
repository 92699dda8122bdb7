package io.luxtensor.api.jsonrpc.dev;

import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.bytes.Hex;

/** {@code personal_sign(data, address)}: eth_sign with the parameters the other way round, as MetaMask orders them. */
public final class PersonalSign implements JsonRpcMethod {
  private final DevKeys keys;

  public PersonalSign(DevKeys keys) {
    this.keys = keys;
  }

  @Override
  public String name() {
    return "personal_sign";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(3);
    return Hex.encode(DevKeys.signPersonalMessage(keys.keyOf(params.address(1, "address")), params.data(0, "data")));
  }
}
