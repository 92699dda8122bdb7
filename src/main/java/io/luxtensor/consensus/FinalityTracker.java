package io.luxtensor.consensus;

import io.luxtensor.types.Address;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Vote;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * Casper FFG on slot checkpoints: when votes from two thirds of the stake link the justified checkpoint to a newer
 * target, the target becomes justified; if the target's block is the child of the source's block, the source
 * becomes finalized. With one validator this finalizes each block's parent as soon as the block is voted for.
 *
 * <p>One owner; votes arrive already checked against their signatures.
 */
public final class FinalityTracker {
  private final ValidatorSet validators;
  private FinalityState state;
  /** Stake per target of votes whose source is the current justified checkpoint, by voter (each counts once). */
  private final Map<Checkpoint, Map<Address, BigInteger>> votesByTarget = new HashMap<>();

  public FinalityTracker(ValidatorSet validators, FinalityState initial) {
    this.validators = validators;
    this.state = initial;
  }

  public FinalityState state() {
    return state;
  }

  /**
   * Counts {@code vote}; {@code targetParentHash} is the parent of the target's block. Returns the new state (the
   * same object if nothing changed). Votes from non-validators, from a stale source or for old targets are ignored.
   */
  public FinalityState onVote(SignedVote vote, Hash targetParentHash) {
    Vote v = vote.vote();
    var validator = validators.find(vote.validator());
    if (validator.isEmpty() || !v.source().equals(state.justified()) || v.target().slot() <= state.justified().slot()) {
      return state;
    }
    Map<Address, BigInteger> voters = votesByTarget.computeIfAbsent(v.target(), t -> new HashMap<>());
    voters.put(vote.validator(), validator.get().stake().value());
    BigInteger stake = voters.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    if (!validators.isSupermajority(stake)) {
      return state;
    }
    Checkpoint source = state.justified();
    Checkpoint finalized = targetParentHash.equals(source.blockHash()) ? source : state.finalized();
    state = new FinalityState(v.target(), finalized);
    // Every tally counted links from the old justified checkpoint, which no new vote may use as its source.
    votesByTarget.clear();
    return state;
  }
}
