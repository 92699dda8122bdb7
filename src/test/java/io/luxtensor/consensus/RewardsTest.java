package io.luxtensor.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.testing.TestData;
import io.luxtensor.types.Address;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Vote;
import io.luxtensor.types.Wei;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A block's minting, to the wei. */
class RewardsTest {
  private static final long CHAIN_ID = 31337;
  private static final RewardParameters ONE_LUX_AN_EPOCH = new RewardParameters(Wei.ofLux("1"), 12);
  private final TestData data = new TestData(41);
  private final List<PrivateKey> keys = List.of(data.key(), data.key(), data.key());
  private final ValidatorSet validators = new ValidatorSet(List.of(validator(keys.get(0), "10"),
      validator(keys.get(1), "30"), validator(keys.get(2), "60")));

  @Test
  void theProposerTakesItsShareAndTimelyVotersSplitTheRestByStake() {
    Address proposer = address(0);
    List<SignedVote> votes = List.of(vote(1, 9), vote(2, 9));

    Map<Address, Wei> credits = Rewards.forBlock(validators, proposer, votes, 9, 32, ONE_LUX_AN_EPOCH);

    // A slot's issuance is 1 LUX / 32 = 31,250,000,000,000,000 wei; 12% to the proposer, 88% to voters by stake.
    Map<Address, Wei> expected = new TreeMap<>();
    expected.put(address(0), Wei.of(3_750_000_000_000_000L));
    expected.put(address(1), Wei.of(8_250_000_000_000_000L));
    expected.put(address(2), Wei.of(16_500_000_000_000_000L));
    assertEquals(expected, credits);
  }

  @Test
  void lateVotesAndStrangersEarnNothing() {
    PrivateKey stranger = data.key();
    SignedVote strangersVote = new Vote(9, data.hash(), new Checkpoint(8, data.hash()), new Checkpoint(9, data.hash()))
        .sign(CHAIN_ID, stranger);

    Map<Address, Wei> credits = Rewards.forBlock(validators, Address.of(stranger.publicKey()),
        List.of(vote(1, 7), strangersVote), 9, 32, ONE_LUX_AN_EPOCH);

    assertEquals(Map.of(), credits, "a vote two slots late, a non-validator's vote and proposal");
  }

  private SignedVote vote(int validator, long slot) {
    return new Vote(slot, data.hash(), new Checkpoint(slot - 1, data.hash()), new Checkpoint(slot, data.hash()))
        .sign(CHAIN_ID, keys.get(validator));
  }

  private Address address(int validator) {
    return Address.of(keys.get(validator).publicKey());
  }

  private static Validator validator(PrivateKey key, String lux) {
    return new Validator(Address.of(key.publicKey()), Wei.ofLux(lux), ValidatorKeys.derivedFrom(key).vrfPublicKey());
  }
}
