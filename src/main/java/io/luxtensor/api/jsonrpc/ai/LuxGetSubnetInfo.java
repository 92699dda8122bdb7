package io.luxtensor.api.jsonrpc.ai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.ai.Tempo;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.execution.system.MetagraphContract;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.StakeContract;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.state.StateReader;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * {@code lux_getSubnetInfo(netuid, block)}: a subnet as {@code lux_getSubnet} shows it plus its economics: the burn a
 * registration in the next block pays, the stake on its UIDs' hotkeys, how many UIDs hold a validator permit, and
 * how many blocks from this one until the end of the block that runs its next epoch; null if no subnet has that
 * netuid.
 */
public final class LuxGetSubnetInfo implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxGetSubnetInfo(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_getSubnetInfo";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    int netuid = AiNetworkReads.u16(params, 0, "netuid");
    AiNetworkReads.AtBlock at = reads.at(params, 1);
    StateReader state = at.state();
    Optional<SubnetRegistryContract.Subnet> subnet = SubnetRegistryContract.read(state, netuid);
    if (subnet.isEmpty()) {
      return null;
    }
    List<NeuronsContract.Neuron> neurons = NeuronsContract.neurons(state, netuid);
    BigInteger totalStake = neurons.stream().map(n -> StakeContract.totalStake(state, netuid, n.hotkey()))
        .reduce(BigInteger.ZERO, BigInteger::add);
    long permits = neurons.stream().filter(n -> MetagraphContract.permit(state, netuid, n.uid())).count();
    long nextEpoch = Tempo.nextEpochBlock(netuid, subnet.get().hyperparameters().tempo(), at.number());
    BigInteger burn = NeuronsContract.burn(state, AiNetworkReads.NEURONS_RULES, netuid, at.number() + 1);
    ObjectNode out = AiNetworkReads.subnet(state, subnet.get());
    return out.put("burn", JsonRpcResults.quantity(burn))
        .put("totalStake", JsonRpcResults.quantity(totalStake))
        .put("validatorPermits", JsonRpcResults.quantity(permits))
        .put("blocksUntilNextEpoch", JsonRpcResults.quantity(nextEpoch - at.number()));
  }
}
