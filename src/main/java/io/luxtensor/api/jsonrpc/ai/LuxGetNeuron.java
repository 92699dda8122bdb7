package io.luxtensor.api.jsonrpc.ai;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.state.StateReader;

/**
 * {@code lux_getNeuron(netuid, uid, block)}: one UID as {@code lux_getMetagraph} shows it, or null if the subnet has
 * no such UID.
 */
public final class LuxGetNeuron implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxGetNeuron(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_getNeuron";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(3);
    int netuid = AiNetworkReads.u16(params, 0, "netuid");
    int uid = AiNetworkReads.u16(params, 1, "uid");
    StateReader state = reads.state(params, 2);
    return NeuronsContract.find(state, netuid, uid).map(n -> AiNetworkReads.neuron(state, n)).orElse(null);
  }
}
