package io.luxtensor.consensus;

import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Vote;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a block is final, for a node that has none of the chain before it (state sync): the block's header and votes
 * from two thirds of the stake that link its checkpoint, as source, to the checkpoint of the very next slot, as
 * target — the supermajority link that finalizes a source in Casper FFG ({@link FinalityTracker}).
 *
 * <p>Checked alone, the link stands for the checkpoint's justification too: validators sign a source only once it is
 * justified in their view, so a conflicting finalized block would need a third of the stake to sign slashable votes,
 * the same assumption every light client of a proof-of-stake chain makes.
 *
 * @param checkpoint the header of the finalized block
 * @param votes one vote each from distinct validators, all for the same link
 */
public record FinalityProof(BlockHeader checkpoint, List<SignedVote> votes) {
  /** Votes a proof may carry: one per validator is all it needs. */
  public static final int VOTES_MAX = ValidatorSet.ACTIVE_VALIDATORS_MAX;

  public FinalityProof {
    votes = List.copyOf(votes);
  }

  /** The checkpoint the proof is for: the header's own slot and hash. */
  public Checkpoint finalized() {
    return new Checkpoint(checkpoint.slot(), checkpoint.hash());
  }

  /**
   * What is wrong with the proof, or empty if it proves {@link #checkpoint()} final for {@code validators} on chain
   * {@code chainId}. Checks signatures: run it off any event loop.
   */
  public Optional<String> problem(ValidatorSet validators, long chainId) {
    if (checkpoint.number() == 0) {
      return Optional.of("it is for the genesis block, which needs no proof and gives no state to sync to");
    }
    if (votes.isEmpty() || votes.size() > VOTES_MAX) {
      return Optional.of(votes.size() + " votes; a proof has 1 to " + VOTES_MAX);
    }
    Checkpoint source = finalized();
    Checkpoint target = votes.getFirst().vote().target();
    if (target.slot() != source.slot() + 1) {
      return Optional.of("its target " + target + " is not in the slot right after " + source);
    }
    Set<Address> voters = new TreeSet<>();
    BigInteger stake = BigInteger.ZERO;
    for (int i = 0; i < votes.size(); i++) {
      SignedVote signed = votes.get(i);
      Vote vote = signed.vote();
      Optional<Validator> validator = validators.find(signed.validator());
      String problem = !vote.source().equals(source) ? "its source " + vote.source() + " is not " + source
          : !vote.target().equals(target) ? "its target " + vote.target() + " is not the others' " + target
          : !vote.target().equals(new Checkpoint(vote.slot(), vote.head())) ? "its target is not its head's"
          : validator.isEmpty() ? signed.validator() + " is not a validator"
          : !voters.add(signed.validator()) ? signed.validator() + " votes twice"
          : !signed.isSignedBy(chainId) ? "it is not signed by " + signed.validator() + " on chain " + chainId
          : null;
      if (problem != null) {
        return Optional.of("vote " + i + ": " + problem);
      }
      stake = stake.add(validator.get().stake().value());
    }
    if (!validators.isSupermajority(stake)) {
      return Optional.of("its votes hold " + stake + " of " + validators.totalStake() + " stake, not two thirds");
    }
    return Optional.empty();
  }
}
