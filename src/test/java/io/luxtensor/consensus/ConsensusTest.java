package io.luxtensor.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.Ecvrf;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.testing.TestData;
import io.luxtensor.types.Address;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Vote;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConsensusTest {
  private static final long CHAIN_ID = 31337;
  private final TestData data = new TestData(7);

  @Test
  void proposersAreDrawnInProportionToStake() {
    List<PrivateKey> keys = List.of(data.key(), data.key(), data.key());
    ValidatorSet set = new ValidatorSet(List.of(
        validator(keys.get(0), 1), validator(keys.get(1), 2), validator(keys.get(2), 5)));
    Map<Address, Integer> wins = new TreeMap<>();
    Hash seed = data.hash();
    int slots = 16_000;
    for (long slot = 0; slot < slots; slot++) {
      wins.merge(ProposerSchedule.proposer(set, seed, slot).address(), 1, Integer::sum);
    }
    for (Validator v : set.validators()) {
      double expected = slots * v.stake().value().doubleValue() / set.totalStake().doubleValue();
      assertEquals(expected, wins.get(v.address()), expected * 0.06, "wins of stake " + v.stake());
    }
    assertEquals(ProposerSchedule.proposer(set, seed, 12345), ProposerSchedule.proposer(set, seed, 12345));
  }

  @Test
  void oneValidatorJustifiesEachVotedCheckpointAndFinalizesTheOneOfTheSlotBefore() {
    PrivateKey key = data.key();
    ValidatorSet set = new ValidatorSet(List.of(validator(key, 32)));
    Checkpoint genesis = new Checkpoint(0, data.hash());
    FinalityTracker tracker = new FinalityTracker(set, FinalityState.atGenesis(genesis));
    Checkpoint block1 = new Checkpoint(1, data.hash());
    tracker.onVote(new Vote(1, block1.blockHash(), genesis, block1).sign(CHAIN_ID, key));
    assertEquals(new FinalityState(block1, genesis), tracker.state());
    Checkpoint block3 = new Checkpoint(3, data.hash());
    tracker.onVote(new Vote(3, block3.blockHash(), block1, block3).sign(CHAIN_ID, key));
    assertEquals(new FinalityState(block3, genesis), tracker.state(), "a link over an empty slot finalizes nothing");
    Checkpoint slot4 = new Checkpoint(4, block3.blockHash());
    tracker.onVote(new Vote(4, slot4.blockHash(), block3, slot4).sign(CHAIN_ID, key));
    assertEquals(new FinalityState(slot4, block3), tracker.state(),
        "slot 4 had no block, its checkpoint is block 3's, and justifying it finalizes slot 3's");
  }

  /**
   * The votes of the review that found finality was not accountable: on one chain 4→5 then 5→8, on a conflicting
   * one 4→6 then 6→9. No vote is slashable (no two share a target slot, none surrounds another), so neither chain
   * may finalize anything past slot 4; finalizing a source whose target's block is its child, as before, finalized
   * both 5 and 6.
   */
  @Test
  void conflictingChainsCannotBothFinalizeWithoutSlashableVotes() {
    List<PrivateKey> keys = List.of(data.key(), data.key(), data.key());
    ValidatorSet set = new ValidatorSet(keys.stream().map(k -> validator(k, 10)).toList());
    Checkpoint four = new Checkpoint(4, data.hash());
    Checkpoint a5 = new Checkpoint(5, data.hash());
    Checkpoint a8 = new Checkpoint(8, data.hash());
    Checkpoint b6 = new Checkpoint(6, data.hash());
    Checkpoint b9 = new Checkpoint(9, data.hash());
    FinalityTracker chainA = new FinalityTracker(set, FinalityState.atGenesis(four));
    FinalityTracker chainB = new FinalityTracker(set, FinalityState.atGenesis(four));
    for (PrivateKey key : keys) {
      chainA.onVote(new Vote(5, a5.blockHash(), four, a5).sign(CHAIN_ID, key));
      chainA.onVote(new Vote(8, a8.blockHash(), a5, a8).sign(CHAIN_ID, key));
      chainB.onVote(new Vote(6, b6.blockHash(), four, b6).sign(CHAIN_ID, key));
      chainB.onVote(new Vote(9, b9.blockHash(), b6, b9).sign(CHAIN_ID, key));
    }
    assertEquals(new FinalityState(a8, four), chainA.state(), "4 to 5 finalizes 4 only; 5 to 8 skips slots");
    assertEquals(new FinalityState(b9, four), chainB.state());
  }

  @Test
  void justificationNeedsTwoThirdsOfTheStake() {
    List<PrivateKey> keys = List.of(data.key(), data.key(), data.key());
    ValidatorSet set = new ValidatorSet(List.of(validator(keys.get(0), 10), validator(keys.get(1), 10),
        validator(keys.get(2), 11)));
    Checkpoint genesis = new Checkpoint(0, data.hash());
    FinalityTracker tracker = new FinalityTracker(set, FinalityState.atGenesis(genesis));
    Checkpoint target = new Checkpoint(1, data.hash());
    FinalityState before = tracker.state();
    tracker.onVote(new Vote(1, target.blockHash(), genesis, target).sign(CHAIN_ID, keys.get(0)));
    tracker.onVote(new Vote(1, target.blockHash(), genesis, target).sign(CHAIN_ID, keys.get(0)));
    assertSame(before, tracker.state(), "one third, even voted twice, justifies nothing");
    tracker.onVote(new Vote(1, target.blockHash(), genesis, target).sign(CHAIN_ID, data.key()));
    assertSame(before, tracker.state(), "a non-validator's vote counts for nothing");
    tracker.onVote(new Vote(1, target.blockHash(), genesis, target).sign(CHAIN_ID, keys.get(1)));
    assertSame(before, tracker.state(), "20 of 31 is below two thirds");
    tracker.onVote(new Vote(1, target.blockHash(), genesis, target).sign(CHAIN_ID, keys.get(2)));
    assertEquals(target, tracker.state().justified());
  }

  @Test
  void aNodeThatMissedAJustificationCatchesUpWhenItsVotesArriveLate() {
    List<PrivateKey> keys = List.of(data.key(), data.key(), data.key());
    ValidatorSet set = new ValidatorSet(keys.stream().map(k -> validator(k, 10)).toList());
    Checkpoint genesis = new Checkpoint(0, data.hash());
    Checkpoint first = new Checkpoint(1, data.hash());
    Checkpoint second = new Checkpoint(2, data.hash());
    FinalityTracker tracker = new FinalityTracker(set, FinalityState.atGenesis(genesis));
    for (PrivateKey key : keys) {
      tracker.onVote(new Vote(2, second.blockHash(), first, second).sign(CHAIN_ID, key));
    }
    assertEquals(FinalityState.atGenesis(genesis), tracker.state(), "votes from a source not yet justified wait");

    for (PrivateKey key : keys) {
      tracker.onVote(new Vote(1, first.blockHash(), genesis, first).sign(CHAIN_ID, key));
    }

    assertEquals(new FinalityState(second, first), tracker.state(), "first justified, then second from it");
  }

  @Test
  void votesAreBoundToTheirChainAndSigner() {
    PrivateKey key = data.key();
    Checkpoint genesis = new Checkpoint(0, data.hash());
    SignedVote vote = new Vote(1, data.hash(), genesis, new Checkpoint(1, data.hash())).sign(CHAIN_ID, key);
    assertTrue(vote.isSignedBy(CHAIN_ID));
    assertFalse(vote.isSignedBy(CHAIN_ID + 1));
    assertFalse(new SignedVote(vote.vote(), data.address(), vote.signature()).isSignedBy(CHAIN_ID));
  }

  @Test
  void theMixDependsOnEveryOutputAndTheVrfInputOnChainAndEpoch() {
    Hash mix = data.hash();
    byte[] out1 = data.bytes(32);
    byte[] out2 = data.bytes(32);
    assertFalse(Randao.nextMix(mix, out1).equals(Randao.nextMix(mix, out2)));
    assertFalse(Randao.nextMix(Randao.nextMix(mix, out1), out1).equals(mix), "folding an output twice never cancels");
    List<String> inputs = new ArrayList<>();
    for (long[] chainAndEpoch : new long[][] {{1, 1}, {1, 2}, {2, 1}}) {
      inputs.add(new BigInteger(1, Randao.vrfInput(chainAndEpoch[0], chainAndEpoch[1])).toString(16));
    }
    assertEquals(3, inputs.stream().distinct().count());
  }

  private Validator validator(PrivateKey key, long stakeLux) {
    byte[] vrfSecret = data.bytes(32);
    vrfSecret[0] &= 0x7f;
    return new Validator(Address.of(key.publicKey()), Wei.ofLux(Long.toString(stakeLux)),
        Bytes.of(Ecvrf.publicKey(vrfSecret)));
  }
}
