package io.luxtensor.chain;

import io.luxtensor.state.WorldState;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.SlashingEvidence;
import java.util.List;

/**
 * What a chain does to its state as a block opens, before its first transaction: inactivity penalties and rotation
 * at epoch boundaries, the record of whose votes the chain carried, rewards for its proposer and timely voters, and
 * the penalties for the slashing evidence the block carries.
 */
@FunctionalInterface
public interface BlockOpening {
  /** A chain whose validators never change and whose evidence costs nothing yet. */
  BlockOpening NONE = (state, parent, slot, proposer, votes, evidence) -> { };

  /**
   * Applies to {@code state} the epoch boundaries between {@code parent}'s slot and {@code slot}, the presence of
   * the validators whose {@code votes} the block carries, the rewards of {@code proposer} and of the timely votes,
   * then the penalties for {@code evidence} (already checked), rewarding {@code proposer} for carrying it.
   */
  void open(WorldState state, BlockHeader parent, long slot, Address proposer, List<SignedVote> votes,
      List<SlashingEvidence> evidence);
}
