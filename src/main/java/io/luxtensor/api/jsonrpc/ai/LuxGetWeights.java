package io.luxtensor.api.jsonrpc.ai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
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
    WeightsContract.Row row = WeightsContract.row(state, netuid, uid);
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("uid", JsonRpcResults.quantity(uid));
    row.setAt().ifPresentOrElse(b -> out.put("setAt", JsonRpcResults.quantity(b)), () -> out.putNull("setAt"));
    ArrayNode weights = out.putArray("weights");
    row.weights().forEach(w -> weights.addObject().put("uid", JsonRpcResults.quantity(w.uid()))
        .put("value", JsonRpcResults.quantity(w.value())));
    return out;
  }
}
