package io.luxtensor.api.jsonrpc.web3;

import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/** {@code web3_clientVersion}: e.g. {@code luxtensor/v0.1.0/java-25}. */
public final class Web3ClientVersion implements JsonRpcMethod {
  private final String version;

  public Web3ClientVersion(String version) {
    this.version = version;
  }

  @Override
  public String name() {
    return "web3_clientVersion";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return "luxtensor/v" + version + "/java-" + Runtime.version().feature();
  }
}
