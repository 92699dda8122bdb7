package io.luxtensor.api.jsonrpc.dev;

import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.types.Address;

/** {@code eth_accounts} on a dev node: the funded dev accounts the node signs for. */
public final class EthAccountsDev implements JsonRpcMethod {
  private final DevKeys keys;

  public EthAccountsDev(DevKeys keys) {
    this.keys = keys;
  }

  @Override
  public String name() {
    return "eth_accounts";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return keys.addresses().stream().map(Address::toHex).toList();
  }
}
