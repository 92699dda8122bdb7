package io.luxtensor.consensus;

import io.luxtensor.types.Address;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Vote;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Whether the votes a block carries may count: each is a validator's, signed on this chain, for an earlier slot,
 * targeting the checkpoint of its own slot (its head), with its source before its target, and no validator appears
 * twice for one slot. Whether a vote justifies anything
 * is the finality rule's business; these checks keep forged votes, and votes from outside the window, out of the
 * chain.
 */
public final class BlockVoteCheck {
  /** A block carries votes from the slots of at most this many slots before its own. */
  public static final long INCLUSION_SLOTS = 4;

  private BlockVoteCheck() {}

  /**
   * What is wrong with the votes of a block in {@code blockSlot} whose parent is in {@code parentSlot}, or empty if
   * nothing is. A vote must be from a slot before the block's and no older than the inclusion window or the
   * parent's slot (after empty slots the parent's votes may be older than the window). Each is checked against
   * {@code validatorsAt} its slot — votes from the end of an epoch may be carried into the next one's blocks — once
   * its slot is known to be in range, so a forged slot cannot make the check costly.
   */
  public static Optional<String> problem(List<SignedVote> votes, long blockSlot, long parentSlot,
      LongFunction<ValidatorSet> validatorsAt, long chainId) {
    return problem(votes, blockSlot, parentSlot, validatorsAt, chainId, true);
  }

  /**
   * As {@link #problem(List, long, long, LongFunction, long)}, without recovering the signers when
   * {@code checkSignatures} is false: for votes whose signatures were checked already, as a stored block's were
   * before it was stored. Recovery is most of the cost.
   */
  public static Optional<String> problem(List<SignedVote> votes, long blockSlot, long parentSlot,
      LongFunction<ValidatorSet> validatorsAt, long chainId, boolean checkSignatures) {
    long oldest = Math.min(blockSlot - INCLUSION_SLOTS, parentSlot);
    Set<ValidatorSlot> seen = new HashSet<>();
    for (int i = 0; i < votes.size(); i++) {
      SignedVote signed = votes.get(i);
      Vote vote = signed.vote();
      Address validator = signed.validator();
      String problem = null;
      if (vote.slot() >= blockSlot || vote.slot() < oldest) {
        problem = "it is for slot " + vote.slot() + ", not one from slot " + oldest + " to the block's " + blockSlot;
      } else if (validatorsAt.apply(vote.slot()).find(validator).isEmpty()) {
        problem = validator + " is not a validator";
      } else if (!vote.target().equals(new Checkpoint(vote.slot(), vote.head()))) {
        problem = "its target is not its own slot's checkpoint of its head";
      } else if (vote.source().slot() >= vote.target().slot()) {
        problem = "its source slot " + vote.source().slot() + " is not before its target slot " + vote.target().slot();
      } else if (!seen.add(new ValidatorSlot(validator, vote.slot()))) {
        problem = validator + " already voted in slot " + vote.slot() + " in this block";
      } else if (checkSignatures && !signed.isSignedBy(chainId)) {
        problem = "it is not signed by " + validator + " on chain " + chainId;
      }
      if (problem != null) {
        return Optional.of("vote " + i + ": " + problem);
      }
    }
    return Optional.empty();
  }

  /** A validator's vote in one slot, at most one of which a block may carry. */
  private record ValidatorSlot(Address validator, long slot) {}
}
