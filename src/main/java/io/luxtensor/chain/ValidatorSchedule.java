package io.luxtensor.chain;

import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.state.WorldState;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.SlashingEvidence;
import java.util.List;

/** Who validates which epoch, on which branch, and what the chain does to its state when epochs turn. */
public interface ValidatorSchedule extends BlockOpening {

  /** The validator set of the epoch of {@code slot}, on the branch that ends at {@code parent}. */
  ValidatorSet at(BlockHeader parent, long slot);

  /**
   * The genesis validators, for ever: the single-validator dev chain and chains without a staking contract, where
   * evidence is checked and carried but costs no stake, and nothing is minted.
   */
  static ValidatorSchedule fixed(ValidatorSet validators) {
    return new ValidatorSchedule() {
      @Override
      public ValidatorSet at(BlockHeader parent, long slot) {
        return validators;
      }

      @Override
      public void open(WorldState state, BlockHeader parent, long slot, Address proposer, List<SignedVote> votes,
          List<SlashingEvidence> evidence) {
      }
    };
  }
}
