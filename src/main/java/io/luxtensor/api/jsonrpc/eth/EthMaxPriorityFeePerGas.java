package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;

/** {@code eth_maxPriorityFeePerGas}: the suggested tip for EIP-1559 transactions. */
public final class EthMaxPriorityFeePerGas implements JsonRpcMethod {
  private final GasPriceOracle oracle;

  public EthMaxPriorityFeePerGas(GasPriceOracle oracle) {
    this.oracle = oracle;
  }

  @Override
  public String name() {
    return "eth_maxPriorityFeePerGas";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return JsonRpcResults.quantity(oracle.suggestedTip());
  }
}
