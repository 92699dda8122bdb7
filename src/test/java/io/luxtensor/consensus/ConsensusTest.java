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
  void oneValidatorJustifiesEachVotedBlockAndFinalizesItsParent() {
    PrivateKey key = data.key();
    ValidatorSet set = new ValidatorSet(List.of(validator(key, 32)));
    Checkpoint genesis = new Checkpoint(0, data.hash());
    FinalityTracker tracker = new FinalityTracker(set, FinalityState.atGenesis(genesis));
    Checkpoint block1 = new Checkpoint(1, data.hash());
    tracker.onVote(new Vote(1, block1.blockHash(), genesis, block1).sign(CHAIN_ID, key), genesis.blockHash());
    assertEquals(new FinalityState(block1, genesis), tracker.state());
    Checkpoint block2 = new Checkpoint(3, data.hash());
    tracker.onVote(new Vote(3, block2.blockHash(), block1, block2).sign(CHAIN_ID, key), block1.blockHash());
    assertEquals(new FinalityState(block2, block1), tracker.state());
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
    tracker.onVote(new Vote(1, target.blockHash(), genesis, target).sign(CHAIN_ID, keys.get(0)), genesis.blockHash());
    tracker.onVote(new Vote(1, target.blockHash(), genesis, target).sign(CHAIN_ID, keys.get(0)), genesis.blockHash());
    assertSame(before, tracker.state(), "one third, even voted twice, justifies nothing");
    tracker.onVote(new Vote(1, target.blockHash(), genesis, target).sign(CHAIN_ID, data.key()), genesis.blockHash());
    assertSame(before, tracker.state(), "a non-validator's vote counts for nothing");
    tracker.onVote(new Vote(1, target.blockHash(), genesis, target).sign(CHAIN_ID, keys.get(1)), genesis.blockHash());
    assertSame(before, tracker.state(), "20 of 31 is below two thirds");
    tracker.onVote(new Vote(1, target.blockHash(), genesis, target).sign(CHAIN_ID, keys.get(2)), genesis.blockHash());
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
      tracker.onVote(new Vote(2, second.blockHash(), first, second).sign(CHAIN_ID, key), first.blockHash());
    }
    assertEquals(FinalityState.atGenesis(genesis), tracker.state(), "votes from a source not yet justified wait");

    for (PrivateKey key : keys) {
      tracker.onVote(new Vote(1, first.blockHash(), genesis, first).sign(CHAIN_ID, key), genesis.blockHash());
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
