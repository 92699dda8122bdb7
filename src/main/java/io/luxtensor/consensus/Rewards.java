package io.luxtensor.consensus;

import io.luxtensor.types.Address;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a block mints: a slot's share of the epoch's issuance, part to its proposer, the rest to the validators whose
 * votes in the slot before it carries — timely votes only, so a vote earns once however often it is carried, and an
 * absent validator earns nothing. Integer arithmetic, rounded down: every node credits the same wei.
 */
public final class Rewards {
  private Rewards() {}

  /**
   * The credits of a block whose parent is in {@code parentSlot}, by validator, in address order.
   *
   * @param validators the active set of the block's epoch
   */
  public static SortedMap<Address, Wei> forBlock(ValidatorSet validators, Address proposer, List<SignedVote> votes,
      long parentSlot, int slotsPerEpoch, RewardParameters rules) {
    BigInteger perSlot = rules.issuancePerEpoch().value().divide(BigInteger.valueOf(slotsPerEpoch));
    BigInteger proposerShare = perSlot.multiply(BigInteger.valueOf(rules.proposerPercent()))
        .divide(BigInteger.valueOf(100));
    BigInteger voterPool = perSlot.subtract(proposerShare);
    SortedMap<Address, Wei> credits = new TreeMap<>();
    if (validators.find(proposer).isPresent() && proposerShare.signum() > 0) {
      credits.put(proposer, Wei.of(proposerShare));
    }
    for (SignedVote vote : votes) {
      Optional<Validator> voter = validators.find(vote.validator());
      // A block carries at most one vote per validator and slot (BlockVoteCheck), so each voter counts once.
      if (vote.vote().slot() != parentSlot || voter.isEmpty()) {
        continue;
      }
      BigInteger earned = voterPool.multiply(voter.get().stake().value()).divide(validators.totalStake());
      credits.merge(vote.validator(), Wei.of(earned), Wei::add);
    }
    return credits;
  }
}
