package io.luxtensor.consensus;

import io.luxtensor.types.Address;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Vote;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Casper FFG on slot checkpoints: when votes from two thirds of the stake link the justified checkpoint to a newer
 * target, the target becomes justified; if the target's block is the child of the source's block, the source
 * becomes finalized. With one validator this finalizes each block's parent as soon as the block is voted for.
 *
 * <p>Votes are tallied per link (source, target), not only from the current justified checkpoint: a node that
 * missed the votes justifying a checkpoint catches up when they reach it later (in blocks), and then counts the
 * votes it already holds from that checkpoint on. Links from sources older than the justified checkpoint can never
 * count again and are dropped.
 *
 * <p>One owner; votes arrive already checked against their signatures.
 */
public final class FinalityTracker {
  /** Newest target first, ties to the higher hash: the order in which links from one source are tried. */
  private static final Comparator<Checkpoint> NEWEST_FIRST = Comparator.comparingLong(Checkpoint::slot)
      .thenComparing(Checkpoint::blockHash).reversed();

  /** The votes for one link, with the set of the target's epoch they are weighed against. */
  private record Tally(Hash targetParent, ValidatorSet validators, Map<Address, BigInteger> stakeByVoter) {
    boolean isSupermajority() {
      return validators.isSupermajority(stakeByVoter.values().stream().reduce(BigInteger.ZERO, BigInteger::add));
    }
  }

  private final ValidatorSet validators;
  private FinalityState state;
  /** Tallies by source, then target (newest first); each voter counts once per link. */
  private final Map<Checkpoint, TreeMap<Checkpoint, Tally>> links = new HashMap<>();

  public FinalityTracker(ValidatorSet validators, FinalityState initial) {
    this.validators = validators;
    this.state = initial;
  }

  public FinalityState state() {
    return state;
  }

  /**
   * Counts {@code vote}; {@code targetParentHash} is the parent of the target's block. Returns the new state (the
   * same object if nothing changed). Votes from non-validators, from sources older than the justified checkpoint,
   * or whose target is not after their source are ignored.
   */
  public FinalityState onVote(SignedVote vote, Hash targetParentHash) {
    return onVote(vote, targetParentHash, validators);
  }

  /**
   * Counts {@code vote} against {@code targetValidators}, the validator set of the target's epoch (on a chain whose
   * validators rotate).
   */
  public FinalityState onVote(SignedVote vote, Hash targetParentHash, ValidatorSet targetValidators) {
    Vote v = vote.vote();
    Optional<Validator> validator = targetValidators.find(vote.validator());
    if (validator.isEmpty() || v.source().slot() < state.justified().slot() || v.target().slot() <= v.source().slot()) {
      return state;
    }
    links.computeIfAbsent(v.source(), s -> new TreeMap<>(NEWEST_FIRST))
        .computeIfAbsent(v.target(), t -> new Tally(targetParentHash, targetValidators, new TreeMap<>()))
        .stakeByVoter().put(vote.validator(), validator.get().stake().value());
    Optional<Map.Entry<Checkpoint, Tally>> justified;
    while ((justified = supermajorityFrom(state.justified())).isPresent()) {
      Checkpoint source = state.justified();
      Checkpoint target = justified.get().getKey();
      Checkpoint finalized = justified.get().getValue().targetParent().equals(source.blockHash())
          ? source : state.finalized();
      state = new FinalityState(target, finalized);
      links.keySet().removeIf(linkSource -> linkSource.slot() < target.slot());
    }
    return state;
  }

  private Optional<Map.Entry<Checkpoint, Tally>> supermajorityFrom(Checkpoint source) {
    TreeMap<Checkpoint, Tally> targets = links.get(source);
    if (targets == null) {
      return Optional.empty();
    }
    return targets.entrySet().stream()
        .filter(link -> link.getKey().slot() > source.slot() && link.getValue().isSupermajority())
        .findFirst();
  }
}
