package io.luxtensor.chain;

import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.state.WorldState;
import io.luxtensor.types.BlockHeader;

/** Who validates which epoch, on which branch, and what the chain does to its state when epochs turn. */
public interface ValidatorSchedule extends EpochBoundary {

  /** The validator set of the epoch of {@code slot}, on the branch that ends at {@code parent}. */
  ValidatorSet at(BlockHeader parent, long slot);

  /** The genesis validators, for ever: the single-validator dev chain and chains without a staking contract. */
  static ValidatorSchedule fixed(ValidatorSet validators) {
    return new ValidatorSchedule() {
      @Override
      public ValidatorSet at(BlockHeader parent, long slot) {
        return validators;
      }

      @Override
      public void beforeBlock(WorldState state, BlockHeader parent, long slot) {
      }
    };
  }
}
