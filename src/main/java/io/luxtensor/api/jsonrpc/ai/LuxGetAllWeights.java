package io.luxtensor.api.jsonrpc.ai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.execution.system.WeightsContract;
import io.luxtensor.state.StateReader;

/**
 * {@code lux_getAllWeights(netuid, block)}: the weights of every UID of a subnet that holds any, by UID, each as
 * {@code lux_getWeights} shows it; null if no subnet has that netuid. Only UIDs with a validator permit weigh others,
 * so a subnet answers at most {@code maxValidators} full rows (by default 64 of up to 256 weights) and self-weights;
 * the response size limit bounds the answer as it does every other.
 */
public final class LuxGetAllWeights implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxGetAllWeights(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_getAllWeights";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    int netuid = AiNetworkReads.u16(params, 0, "netuid");
    StateReader state = reads.state(params, 1);
    if (SubnetRegistryContract.read(state, netuid).isEmpty()) {
      return null;
    }
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    for (int uid = 0; uid < NeuronsContract.neuronCount(state, netuid); uid++) {
      WeightsContract.Row row = WeightsContract.row(state, netuid, uid);
      if (!row.weights().isEmpty()) {
        rows.add(AiNetworkReads.weights(uid, row));
      }
    }
    return rows;
  }
}
