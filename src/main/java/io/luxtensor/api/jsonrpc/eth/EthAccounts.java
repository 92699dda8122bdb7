package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import java.util.List;

/** {@code eth_accounts}: empty; the node holds no user keys, wallets sign (eth_sendRawTransaction). */
public final class EthAccounts implements JsonRpcMethod {
  @Override
  public String name() {
    return "eth_accounts";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return List.of();
  }
}
