package io.luxtensor.api.jsonrpc.ai;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.execution.system.NeuronsContract;

/** {@code lux_getNeuronCount(netuid, block)}: how many UIDs a subnet has (0 for a netuid no subnet has). */
public final class LuxGetNeuronCount implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxGetNeuronCount(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_getNeuronCount";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    int netuid = AiNetworkReads.u16(params, 0, "netuid");
    return JsonRpcResults.quantity(NeuronsContract.neuronCount(reads.state(params, 1), netuid));
  }
}
