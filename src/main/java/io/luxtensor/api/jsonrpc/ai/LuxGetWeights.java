package io.luxtensor.api.jsonrpc.ai;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.WeightsContract;
import io.luxtensor.state.StateReader;

/**
 * {@code lux_getWeights(netuid, uid, block)}: the weights a UID set (target UID and value, scaled so the largest is
 * 65535) and the block it set them in, or null if the subnet has no such UID.
 */
public final class LuxGetWeights implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxGetWeights(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_getWeights";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(3);
    int netuid = AiNetworkReads.u16(params, 0, "netuid");
    int uid = AiNetworkReads.u16(params, 1, "uid");
    StateReader state = reads.state(params, 2);
    if (NeuronsContract.find(state, netuid, uid).isEmpty()) {
      return null;
    }
    return AiNetworkReads.weights(uid, WeightsContract.row(state, netuid, uid));
  }
}
