package io.luxtensor.api.jsonrpc.ai;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.ai.yuma.UidResult;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.execution.system.MetagraphContract;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.StakeContract;
import io.luxtensor.execution.system.WeightsContract;
import io.luxtensor.state.StateReader;
import io.luxtensor.types.Address;
import java.util.Optional;

/**
 * {@code lux_getValidatorStatus(netuid, hotkey, block)}: what a validator running {@code hotkey} needs to know about
 * itself on a subnet: its UID and coldkey, whether it holds a validator permit, the stake on it and its take, when it
 * last set weights, its validator trust, dividends and emission of the last epoch, and the commitment waiting for its
 * reveal; null if the hotkey has no UID on the subnet.
 */
public final class LuxGetValidatorStatus implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxGetValidatorStatus(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_getValidatorStatus";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(3);
    int netuid = AiNetworkReads.u16(params, 0, "netuid");
    Address hotkey = params.address(1, "hotkey");
    StateReader state = reads.state(params, 2);
    Optional<NeuronsContract.Neuron> neuron = NeuronsContract.uidOf(state, netuid, hotkey)
        .flatMap(uid -> NeuronsContract.find(state, netuid, uid));
    if (neuron.isEmpty()) {
      return null;
    }
    int uid = neuron.get().uid();
    UidResult result = MetagraphContract.result(state, netuid, uid);
    ObjectNode out = JsonNodeFactory.instance.objectNode()
        .put("uid", JsonRpcResults.quantity(uid))
        .put("coldkey", neuron.get().coldkey().toHex())
        .put("validatorPermit", result.validatorPermit())
        .put("stake", JsonRpcResults.quantity(StakeContract.totalStake(state, netuid, hotkey)))
        .put("take", JsonRpcResults.quantity(StakeContract.take(state, hotkey)))
        .put("lastUpdate", JsonRpcResults.quantity(WeightsContract.lastUpdate(state, neuron.get())))
        .put("validatorTrust", JsonRpcResults.quantity(result.validatorTrust()))
        .put("dividends", JsonRpcResults.quantity(result.dividends()))
        .put("emission", JsonRpcResults.quantity(result.emission()));
    WeightsContract.commitment(state, netuid, hotkey).ifPresentOrElse(
        c -> out.putObject("commitment").put("hash", c.hash().toHex()).put("block", JsonRpcResults.quantity(c.block())),
        () -> out.putNull("commitment"));
    return out;
  }
}
