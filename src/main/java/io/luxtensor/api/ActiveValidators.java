package io.luxtensor.api;

import io.luxtensor.chain.ChainParameters;
import io.luxtensor.consensus.ValidatorRotation;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.execution.system.StakingContract;
import io.luxtensor.state.StateSnapshot;
import io.luxtensor.types.BlockHeader;

/**
 * The validators active at a block, as the API shows them: on a chain whose validators stake, those the staking
 * contract's registry in the block's state makes active in the block's epoch, weighing what they weigh there (so a
 * slashed or departed validator is gone once its exit epoch comes); on the dev chain, its one genesis validator.
 */
public final class ActiveValidators {
  private final BlockchainQueries chain;
  private final ChainParameters parameters;
  private final ValidatorSet genesis;
  private final boolean staking;

  /**
   * @param genesis the genesis validators: the answer on a chain whose validators do not stake
   * @param staking whether they stake in the staking contract
   */
  public ActiveValidators(BlockchainQueries chain, ChainParameters parameters, ValidatorSet genesis, boolean staking) {
    this.chain = chain;
    this.parameters = parameters;
    this.genesis = genesis;
    this.staking = staking;
  }

  public ValidatorSet at(BlockHeader block) {
    if (!staking) {
      return genesis;
    }
    StateSnapshot state = chain.state(block);
    return ValidatorRotation.activeAt(StakingContract.registry(state::storage), parameters.epochOf(block.slot()));
  }

  /** The set at the latest block. */
  public ValidatorSet latest() {
    return at(chain.latest());
  }
}
