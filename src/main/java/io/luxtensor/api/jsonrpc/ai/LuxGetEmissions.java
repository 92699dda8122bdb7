package io.luxtensor.api.jsonrpc.ai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.ai.Tempo;
import io.luxtensor.ai.yuma.UidResult;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.execution.system.MetagraphContract;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.state.StateReader;
import java.math.BigInteger;
import java.util.Optional;

/**
 * {@code lux_getEmissions(netuid, block)}: what a subnet is paid and how its last epoch paid it: the chain's emission
 * per block, the owner's cut, the subnet's share of each block, what it accrued since its last epoch, that epoch's
 * block and the next one's, and each UID's earnings of the last epoch as miner and as validator; null if no subnet
 * has that netuid.
 */
public final class LuxGetEmissions implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxGetEmissions(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_getEmissions";
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
    BigInteger blockEmission = AiNetworkReads.METAGRAPH_RULES.blockEmission().value();
    ObjectNode out = JsonNodeFactory.instance.objectNode()
        .put("netuid", JsonRpcResults.quantity(netuid))
        .put("blockEmission", JsonRpcResults.quantity(blockEmission))
        .put("ownerCut", JsonRpcResults.quantity(AiNetworkReads.METAGRAPH_RULES.ownerCut()))
        .put("subnetEmissionPerBlock", JsonRpcResults.quantity(
            blockEmission.divide(BigInteger.valueOf(SubnetRegistryContract.count(state)))))
        .put("pendingEmission", JsonRpcResults.quantity(MetagraphContract.pendingEmission(state, netuid)))
        .put("lastEpoch", JsonRpcResults.quantity(MetagraphContract.lastEpoch(state, netuid)))
        .put("nextEpochBlock", JsonRpcResults.quantity(
            Tempo.nextEpochBlock(netuid, subnet.get().hyperparameters().tempo(), at.number())));
    ArrayNode neurons = out.putArray("neurons");
    for (int uid = 0; uid < NeuronsContract.neuronCount(state, netuid); uid++) {
      UidResult result = MetagraphContract.result(state, netuid, uid);
      neurons.addObject().put("uid", JsonRpcResults.quantity(uid))
          .put("minerEmission", JsonRpcResults.quantity(result.minerEmission()))
          .put("validatorEmission", JsonRpcResults.quantity(result.validatorEmission()));
    }
    return out;
  }
}
