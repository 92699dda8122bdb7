package io.luxtensor.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.luxtensor.api.ActiveValidators;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import java.util.Optional;

/**
 * LuxTensor's extensions: a block's slot, VRF proof and checkpoints; the validator set; finality (safe and finalized
 * blocks, as JSON-RPC's tags name them).
 */
final class ConsensusFields implements FieldGroup {
  /** The Finality object has no data of its own: its fields read the published head. */
  enum FinalityState { INSTANCE }

  private final ChainViews views;
  private final ActiveValidators validators;
  private final Offload offload;

  ConsensusFields(ChainViews views, ActiveValidators validators, Offload offload) {
    this.views = views;
    this.validators = validators;
    this.offload = offload;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Block", type -> type
        .dataFetcher("slot", env -> header(env).slot())
        .dataFetcher("vrfProof", env -> header(env).vrfProof())
        .dataFetcher("justified", env -> header(env).justified())
        .dataFetcher("finalized", env -> header(env).finalized()));
    wiring.type("Checkpoint", type -> type
        .dataFetcher("slot", env -> env.<Checkpoint>getSource().slot())
        .dataFetcher("blockHash", env -> env.<Checkpoint>getSource().blockHash())
        .dataFetcher("block", offload.fetcher(this::checkpointBlock)));
    wiring.type("Query", type -> type
        .dataFetcher("validatorSet", offload.fetcher(env -> validators.latest()))
        .dataFetcher("finality", env -> FinalityState.INSTANCE));
    wiring.type("ValidatorSet", type -> type
        .dataFetcher("validators", env -> env.<ValidatorSet>getSource().validators())
        .dataFetcher("totalStake", env -> env.<ValidatorSet>getSource().totalStake()));
    wiring.type("Validator", type -> type
        .dataFetcher("address", env -> env.<Validator>getSource().address())
        .dataFetcher("stake", env -> env.<Validator>getSource().stake())
        .dataFetcher("vrfPublicKey", env -> env.<Validator>getSource().vrfPublicKey()));
    wiring.type("Finality", type -> type
        .dataFetcher("safe", offload.fetcher(env -> views.of(required(views.chain().safe(), "safe"))))
        .dataFetcher("finalized", offload.fetcher(env ->
            views.of(required(views.chain().finalized(), "finalized")))));
  }

  private static BlockHeader header(DataFetchingEnvironment env) {
    return env.<BlockView>getSource().header();
  }

  private BlockView checkpointBlock(DataFetchingEnvironment env) {
    Hash hash = env.<Checkpoint>getSource().blockHash();
    return hash.equals(Hash.ZERO) ? null : views.byHash(hash).orElse(null);
  }

  private static BlockHeader required(Optional<BlockHeader> header, String tag) {
    return header.orElseThrow(() -> new GraphQlFailure("no " + tag + " block yet"));
  }
}
