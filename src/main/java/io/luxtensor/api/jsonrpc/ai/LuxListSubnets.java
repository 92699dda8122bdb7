package io.luxtensor.api.jsonrpc.ai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.state.StateReader;

/** {@code lux_listSubnets(block)}: every subnet by netuid, as {@code lux_getSubnet} shows one. */
public final class LuxListSubnets implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxListSubnets(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_listSubnets";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    StateReader state = reads.state(params, 0);
    ArrayNode subnets = JsonNodeFactory.instance.arrayNode();
    SubnetRegistryContract.subnets(state).forEach(s -> subnets.add(AiNetworkReads.subnet(state, s)));
    return subnets;
  }
}
