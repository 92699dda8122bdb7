package io.luxtensor.consensus;

import io.luxtensor.types.Address;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Vote;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Casper FFG on slot checkpoints: when votes from two thirds of the stake link the justified checkpoint to a newer
 * target, the target becomes justified; if the target is the checkpoint of the slot right after the source's, the
 * source becomes finalized.
 *
 * <p>Every slot has a checkpoint — the newest block at or before it — whether or not a block was made in it, and a
 * vote's target is the checkpoint of its own slot. Finalizing only across one slot is what makes finality
 * accountable, as in Casper FFG: two conflicting finalized checkpoints need votes from a third of the stake that
 * are either two for one target slot or one surrounding another, both slashable. (Finalizing a source whenever the
 * target's block was its child, across empty slots, would let two chains finalize with no slashable vote.)
 *
 * <p>Votes are tallied per link (source, target), and every checkpoint justified from a justified source stays
 * known, not only the newest: a node that justified a checkpoint the rest never built on (it was on the small side
 * of a split) still follows the others' justifications from the checkpoints they share, and a node that missed
 * the votes justifying a checkpoint catches up when they reach it later, in blocks. The state's justified
 * checkpoint is the newest known; the finalized one the newest source whose child was justified from it. Links
 * and checkpoints older than the finalized one can never matter again and are dropped.
 *
 * <p>One owner; votes arrive already checked against their signatures.
 */
public final class FinalityTracker {
  /** Newest target first, ties to the higher hash: the order in which links from one source are tried. */
  private static final Comparator<Checkpoint> NEWEST_FIRST = Comparator.comparingLong(Checkpoint::slot)
      .thenComparing(Checkpoint::blockHash).reversed();

  /** The votes for one link, with the set of the target's epoch they are weighed against. */
  private record Tally(ValidatorSet validators, Map<Address, BigInteger> stakeByVoter) {
    boolean isSupermajority() {
      return validators.isSupermajority(stakeByVoter.values().stream().reduce(BigInteger.ZERO, BigInteger::add));
    }
  }

  private final ValidatorSet validators;
  private FinalityState state;
  /** Tallies by source, then target (newest first); each voter counts once per link. */
  private final Map<Checkpoint, TreeMap<Checkpoint, Tally>> links = new HashMap<>();
  /** Every checkpoint known justified since the finalized one, oldest first. */
  private final TreeSet<Checkpoint> justified = new TreeSet<>(NEWEST_FIRST.reversed());

  public FinalityTracker(ValidatorSet validators, FinalityState initial) {
    this.validators = validators;
    this.state = initial;
    justified.add(initial.justified());
    justified.add(initial.finalized());
  }

  public FinalityState state() {
    return state;
  }

  /** An independent tracker in the same state: to apply votes to one branch, or tentatively, without touching this. */
  public FinalityTracker copy() {
    FinalityTracker copy = new FinalityTracker(validators, state);
    links.forEach((source, targets) -> {
      TreeMap<Checkpoint, Tally> copiedTargets = new TreeMap<>(NEWEST_FIRST);
      targets.forEach((target, tally) ->
          copiedTargets.put(target, new Tally(tally.validators(), new TreeMap<>(tally.stakeByVoter()))));
      copy.links.put(source, copiedTargets);
    });
    copy.justified.addAll(justified);
    return copy;
  }

  /**
   * Counts {@code vote}, whose target's block the caller has checked to be its source's block or a descendant of
   * it. Returns the new state (the same object if nothing changed). Votes from non-validators, from sources older
   * than the finalized checkpoint, or whose target is not after their source are ignored.
   */
  public FinalityState onVote(SignedVote vote) {
    return onVote(vote, validators);
  }

  /**
   * Counts {@code vote} against {@code targetValidators}, the validator set of the target's epoch (on a chain whose
   * validators rotate).
   */
  public FinalityState onVote(SignedVote vote, ValidatorSet targetValidators) {
    Vote v = vote.vote();
    Optional<Validator> validator = targetValidators.find(vote.validator());
    if (validator.isEmpty() || v.source().slot() < state.finalized().slot() || v.target().slot() <= v.source().slot()) {
      return state;
    }
    links.computeIfAbsent(v.source(), s -> new TreeMap<>(NEWEST_FIRST))
        .computeIfAbsent(v.target(), t -> new Tally(targetValidators, new TreeMap<>()))
        .stakeByVoter().put(vote.validator(), validator.get().stake().value());
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Checkpoint source : List.copyOf(justified)) {
        TreeMap<Checkpoint, Tally> targets = links.get(source);
        if (targets == null) {
          continue;
        }
        for (Map.Entry<Checkpoint, Tally> link : targets.entrySet()) {
          if (link.getValue().isSupermajority() && justified.add(link.getKey())) {
            changed = true;
            if (link.getKey().slot() == source.slot() + 1 && source.slot() > state.finalized().slot()) {
              state = new FinalityState(state.justified(), source);
            }
          }
        }
      }
    }
    Checkpoint newest = justified.last();
    if (!newest.equals(state.justified())) {
      state = new FinalityState(newest, state.finalized());
    }
    long finalizedSlot = state.finalized().slot();
    links.keySet().removeIf(source -> source.slot() < finalizedSlot);
    justified.removeIf(checkpoint -> checkpoint.slot() < finalizedSlot);
    return state;
  }
}
