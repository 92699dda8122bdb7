package io.luxtensor.api.jsonrpc.ai;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.execution.system.SubnetRegistryContract;

/** {@code lux_getSubnetCount(block)}: how many subnets are registered (netuids 0 to the count, exclusive). */
public final class LuxGetSubnetCount implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxGetSubnetCount(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_getSubnetCount";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    return JsonRpcResults.quantity(SubnetRegistryContract.count(reads.state(params, 0)));
  }
}
