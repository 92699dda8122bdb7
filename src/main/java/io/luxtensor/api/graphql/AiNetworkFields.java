package io.luxtensor.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.luxtensor.ai.SubnetHyperparameters;
import io.luxtensor.ai.WeightsCheck;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.state.StateReader;
import io.luxtensor.types.Hash;
import java.util.Arrays;
import java.util.List;

/**
 * LuxTensor's AI network: {@code subnets} and {@code subnet(netuid)} with their UIDs, read from the system contracts at
 * a block's state, with the figures the lux_ JSON-RPC methods give. Fields that read state run on a worker; those of a
 * record already read answer from it.
 */
final class AiNetworkFields implements FieldGroup {
  private final ChainViews views;
  private final Offload offload;

  AiNetworkFields(ChainViews views, Offload offload) {
    this.views = views;
    this.offload = offload;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Query", type -> type
        .dataFetcher("subnets", offload.fetcher(this::subnets))
        .dataFetcher("subnet", offload.fetcher(this::subnetAt)));
    wiring.type("Subnet", type -> type
        .dataFetcher("netuid", env -> subnet(env).subnet().netuid())
        .dataFetcher("name", env -> subnet(env).subnet().name())
        .dataFetcher("owner", env -> subnet(env).subnet().owner())
        .dataFetcher("lock", env -> subnet(env).subnet().lock())
        .dataFetcher("registeredAt", env -> subnet(env).subnet().registeredAt())
        .dataFetcher("hyperparameters", env -> subnet(env).subnet().hyperparameters())
        .dataFetcher("neuronCount", offload.fetcher(env -> subnet(env).neuronCount()))
        .dataFetcher("lastEpoch", offload.fetcher(env -> subnet(env).lastEpoch()))
        .dataFetcher("pendingEmission", offload.fetcher(env -> subnet(env).pendingEmission()))
        .dataFetcher("neurons", offload.fetcher(env -> subnet(env).neurons()))
        .dataFetcher("neuron", offload.fetcher(env -> subnet(env).neuron(Arguments.u16(env, "uid")).orElse(null))));
    wiring.type("SubnetHyperparameters", type -> type
        .dataFetcher("tempo", env -> hyperparameters(env).tempo())
        .dataFetcher("maxUids", env -> hyperparameters(env).maxUids())
        .dataFetcher("maxValidators", env -> hyperparameters(env).maxValidators())
        .dataFetcher("immunityPeriod", env -> hyperparameters(env).immunityPeriod())
        .dataFetcher("activityCutoff", env -> hyperparameters(env).activityCutoff())
        .dataFetcher("weightsRateLimit", env -> hyperparameters(env).weightsRateLimit())
        .dataFetcher("minAllowedWeights", env -> hyperparameters(env).minAllowedWeights())
        .dataFetcher("kappa", env -> hyperparameters(env).kappa())
        .dataFetcher("bondsMovingAverage", env -> hyperparameters(env).bondsMovingAverage())
        .dataFetcher("commitReveal", env -> hyperparameters(env).commitReveal())
        .dataFetcher("commitRevealPeriod", env -> hyperparameters(env).commitRevealPeriod()));
    wiring.type("Neuron", type -> type
        .dataFetcher("uid", env -> neuron(env).neuron().uid())
        .dataFetcher("hotkey", env -> neuron(env).neuron().hotkey())
        .dataFetcher("coldkey", env -> neuron(env).neuron().coldkey())
        .dataFetcher("stake", offload.fetcher(env -> neuron(env).stake()))
        .dataFetcher("rank", env -> neuron(env).result().rank())
        .dataFetcher("trust", env -> neuron(env).result().trust())
        .dataFetcher("validatorTrust", env -> neuron(env).result().validatorTrust())
        .dataFetcher("consensus", env -> neuron(env).result().consensus())
        .dataFetcher("incentive", env -> neuron(env).result().incentive())
        .dataFetcher("dividends", env -> neuron(env).result().dividends())
        .dataFetcher("emission", env -> neuron(env).result().emission())
        .dataFetcher("validatorPermit", env -> neuron(env).result().validatorPermit())
        .dataFetcher("lastUpdate", offload.fetcher(env -> neuron(env).lastUpdate()))
        .dataFetcher("registeredAt", env -> neuron(env).neuron().registeredAt())
        .dataFetcher("axon", env -> neuron(env).neuron())
        .dataFetcher("bonds", env -> Arrays.stream(neuron(env).result().bonds()).boxed().toList())
        .dataFetcher("weights", offload.fetcher(env -> neuron(env).weights())));
    wiring.type("Axon", type -> type
        .dataFetcher("endpoint", env -> env.<NeuronsContract.Neuron>getSource().endpoint())
        .dataFetcher("modelHash", env -> Hash.wrap(env.<NeuronsContract.Neuron>getSource().modelHash().toArray())));
    wiring.type("Weight", type -> type
        .dataFetcher("uid", env -> env.<WeightsCheck.Weight>getSource().uid())
        .dataFetcher("value", env -> env.<WeightsCheck.Weight>getSource().value()));
  }

  private List<SubnetView> subnets(DataFetchingEnvironment env) {
    StateReader state = state(env);
    return SubnetRegistryContract.subnets(state).stream().map(s -> new SubnetView(state, s)).toList();
  }

  private SubnetView subnetAt(DataFetchingEnvironment env) {
    int netuid = Arguments.u16(env, "netuid");
    StateReader state = state(env);
    return SubnetRegistryContract.read(state, netuid).map(s -> new SubnetView(state, s)).orElse(null);
  }

  /** The state after the block the {@code block} argument names, the head's when it names none. */
  private StateReader state(DataFetchingEnvironment env) {
    return views.stateAt(env.getArgument("block"));
  }

  private static SubnetView subnet(DataFetchingEnvironment env) {
    return env.getSource();
  }

  private static SubnetHyperparameters hyperparameters(DataFetchingEnvironment env) {
    return env.getSource();
  }

  private static NeuronView neuron(DataFetchingEnvironment env) {
    return env.getSource();
  }
}
