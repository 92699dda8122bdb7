package io.luxtensor.api.jsonrpc.ai;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.state.StateReader;

/**
 * {@code lux_getSubnet(netuid, block)}: a subnet (owner, lock, hyperparameters, UIDs, last epoch, accrued emission),
 * or null if none has that netuid.
 */
public final class LuxGetSubnet implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxGetSubnet(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_getSubnet";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    int netuid = AiNetworkReads.u16(params, 0, "netuid");
    StateReader state = reads.state(params, 1);
    return SubnetRegistryContract.read(state, netuid).map(s -> AiNetworkReads.subnet(state, s)).orElse(null);
  }
}
