package io.luxtensor.api.jsonrpc.ai;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.state.StateReader;

/**
 * {@code lux_getNeurons(netuid, block)}: every UID of a subnet as {@code lux_getMetagraph} shows it, without the
 * subnet's own fields, or null if none has that netuid. A subnet holds at most 4,096 UIDs; the response size limit
 * bounds the answer as it does every other.
 */
public final class LuxGetNeurons implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxGetNeurons(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_getNeurons";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    int netuid = AiNetworkReads.u16(params, 0, "netuid");
    StateReader state = reads.state(params, 1);
    if (SubnetRegistryContract.read(state, netuid).isEmpty()) {
      return null;
    }
    return AiNetworkReads.neurons(state, netuid);
  }
}
