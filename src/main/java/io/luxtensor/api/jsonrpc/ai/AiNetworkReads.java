package io.luxtensor.api.jsonrpc.ai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.ai.SubnetHyperparameters;
import io.luxtensor.ai.yuma.UidResult;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.execution.system.MetagraphContract;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.StakeContract;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.execution.system.WeightsContract;
import io.luxtensor.state.StateReader;
import io.luxtensor.types.BlockHeader;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * What the AI network's read methods share: the state at the block a call names, the netuid and UID parameters, and
 * subnets and neurons as JSON (quantities in hex, as Ethereum's methods give them; proportions of 65535).
 */
final class AiNetworkReads {
  /** The Neurons contract's rules on every node: the standard contracts' ({@link SystemContracts#standard}). */
  static final NeuronsContract.Rules NEURONS_RULES = NeuronsContract.Rules.DEFAULTS;
  /** The Metagraph contract's rules on every node: the standard contracts'. */
  static final MetagraphContract.Rules METAGRAPH_RULES = MetagraphContract.Rules.DEFAULTS;

  private final BlockchainQueries chain;
  private final BlockResolver blocks;

  AiNetworkReads(BlockchainQueries chain) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
  }

  /** A block's number and the state after it. */
  record AtBlock(long number, StateReader state) {}

  /** The block parameter at {@code index} (default latest) and the state after it; the block must exist. */
  AtBlock at(JsonRpcParams params, int index) throws JsonRpcException {
    BlockHeader header = blocks.require(params.block(index, "block", BlockParameter.LATEST));
    return new AtBlock(header.number(), chain.state(header));
  }

  /** The state after the block parameter at {@code index} (default latest); the block must exist. */
  StateReader state(JsonRpcParams params, int index) throws JsonRpcException {
    return at(params, index).state();
  }

  /** A netuid or UID parameter: a quantity that fits in a u16. */
  static int u16(JsonRpcParams params, int index, String name) throws JsonRpcException {
    BigInteger value = params.quantity(index, name);
    if (value.compareTo(BigInteger.valueOf(SubnetHyperparameters.U16_MAX)) > 0) {
      throw JsonRpcException.invalidParams(name + " is a u16 (at most 0xffff), not " + JsonRpcResults.quantity(value));
    }
    return value.intValueExact();
  }

  static ObjectNode subnet(StateReader state, SubnetRegistryContract.Subnet subnet) {
    ObjectNode out = JsonNodeFactory.instance.objectNode()
        .put("netuid", JsonRpcResults.quantity(subnet.netuid()))
        .put("name", subnet.name())
        .put("owner", subnet.owner().toHex())
        .put("lock", JsonRpcResults.quantity(subnet.lock().value()))
        .put("registeredAt", JsonRpcResults.quantity(subnet.registeredAt()))
        .put("neuronCount", JsonRpcResults.quantity(NeuronsContract.neuronCount(state, subnet.netuid())))
        .put("lastEpoch", JsonRpcResults.quantity(MetagraphContract.lastEpoch(state, subnet.netuid())))
        .put("pendingEmission",
            JsonRpcResults.quantity(MetagraphContract.pendingEmission(state, subnet.netuid())));
    SubnetHyperparameters p = subnet.hyperparameters();
    out.putObject("hyperparameters")
        .put("tempo", JsonRpcResults.quantity(p.tempo()))
        .put("maxUids", JsonRpcResults.quantity(p.maxUids()))
        .put("maxValidators", JsonRpcResults.quantity(p.maxValidators()))
        .put("immunityPeriod", JsonRpcResults.quantity(p.immunityPeriod()))
        .put("activityCutoff", JsonRpcResults.quantity(p.activityCutoff()))
        .put("weightsRateLimit", JsonRpcResults.quantity(p.weightsRateLimit()))
        .put("minAllowedWeights", JsonRpcResults.quantity(p.minAllowedWeights()))
        .put("kappa", JsonRpcResults.quantity(p.kappa()))
        .put("bondsMovingAverage", JsonRpcResults.quantity(p.bondsMovingAverage()))
        .put("commitReveal", p.commitReveal())
        .put("commitRevealPeriod", JsonRpcResults.quantity(p.commitRevealPeriod()));
    return out;
  }

  /** A UID as the metagraph shows it: who holds it, its stake, its results of the last epoch, its axon. */
  static ObjectNode neuron(StateReader state, NeuronsContract.Neuron neuron) {
    UidResult result = MetagraphContract.result(state, neuron.netuid(), neuron.uid());
    ObjectNode out = JsonNodeFactory.instance.objectNode()
        .put("uid", JsonRpcResults.quantity(neuron.uid()))
        .put("hotkey", neuron.hotkey().toHex())
        .put("coldkey", neuron.coldkey().toHex())
        .put("stake", JsonRpcResults.quantity(StakeContract.totalStake(state, neuron.netuid(), neuron.hotkey())))
        .put("rank", JsonRpcResults.quantity(result.rank()))
        .put("trust", JsonRpcResults.quantity(result.trust()))
        .put("validatorTrust", JsonRpcResults.quantity(result.validatorTrust()))
        .put("consensus", JsonRpcResults.quantity(result.consensus()))
        .put("incentive", JsonRpcResults.quantity(result.incentive()))
        .put("dividends", JsonRpcResults.quantity(result.dividends()))
        .put("emission", JsonRpcResults.quantity(result.emission()))
        .put("validatorPermit", result.validatorPermit())
        .put("lastUpdate", JsonRpcResults.quantity(WeightsContract.lastUpdate(state, neuron)))
        .put("registeredAt", JsonRpcResults.quantity(neuron.registeredAt()));
    out.putObject("axon")
        .put("endpoint", neuron.endpoint())
        .put("modelHash", neuron.modelHash().toHex());
    ArrayNode bonds = out.putArray("bonds");
    Arrays.stream(result.bonds()).forEach(b -> bonds.add(JsonRpcResults.quantity(b)));
    return out;
  }

  /** Every UID of subnet {@code netuid} as {@link #neuron} shows it, by UID. */
  static ArrayNode neurons(StateReader state, int netuid) {
    ArrayNode neurons = JsonNodeFactory.instance.arrayNode();
    NeuronsContract.neurons(state, netuid).forEach(n -> neurons.add(neuron(state, n)));
    return neurons;
  }

  /** The weights UID {@code uid} set: the block it set them in (null: never) and each target UID with its value. */
  static ObjectNode weights(int uid, WeightsContract.Row row) {
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("uid", JsonRpcResults.quantity(uid));
    row.setAt().ifPresentOrElse(b -> out.put("setAt", JsonRpcResults.quantity(b)), () -> out.putNull("setAt"));
    ArrayNode weights = out.putArray("weights");
    row.weights().forEach(w -> weights.addObject().put("uid", JsonRpcResults.quantity(w.uid()))
        .put("value", JsonRpcResults.quantity(w.value())));
    return out;
  }
}
