package io.luxtensor.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.testing.TestData;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Vote;
import io.luxtensor.types.Wei;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A finality proof, the one thing a state-syncing node trusts a stranger for, holds only when two thirds of the stake
 * signed the link from its block to the next slot's, on this chain.
 */
class FinalityProofTest {
  private static final long CHAIN_ID = TestData.CHAIN_ID;
  private final TestData data = new TestData(23);
  private final List<PrivateKey> keys = List.of(data.key(), data.key(), data.key(), data.key());
  /** Four validators of equal stake: three hold two thirds, two do not. */
  private final ValidatorSet validators = new ValidatorSet(keys.stream().map(FinalityProofTest::validator).toList());
  private final BlockHeader checkpoint = data.header(keys.getFirst());
  private final Checkpoint next = new Checkpoint(checkpoint.slot() + 1, data.hash());

  @Test
  void threeOfFourValidatorsLinkingTheBlockToTheNextSlotProveItFinal() {
    assertEquals(Optional.empty(), proof(link(0), link(1), link(2)).problem(validators, CHAIN_ID));
  }

  @Test
  void lessThanTwoThirdsOfTheStakeProvesNothing() {
    assertTrue(problem(link(0), link(1)).contains("not two thirds"), problem(link(0), link(1)));
    assertEquals("vote 2: " + Address.of(keys.get(1).publicKey()) + " votes twice",
        problem(link(0), link(1), link(1)), "one validator's vote counts once");
  }

  @Test
  void votesForAnotherLinkOrChainOrByStrangersProveNothing() {
    Checkpoint source = new Checkpoint(checkpoint.slot(), checkpoint.hash());
    SignedVote laterTarget = vote(keys.get(2), source, new Checkpoint(next.slot() + 1, next.blockHash()));
    assertTrue(problem(laterTarget, link(0), link(1)).contains("is not in the slot right after"));
    SignedVote otherSource = vote(keys.get(2), new Checkpoint(checkpoint.slot(), data.hash()), next);
    assertTrue(problem(link(0), link(1), otherSource).startsWith("vote 2: its source"));
    SignedVote otherTarget = vote(keys.get(2), source, new Checkpoint(next.slot(), data.hash()));
    assertTrue(problem(link(0), link(1), otherTarget).startsWith("vote 2: its target"));
    SignedVote otherChain = new Vote(next.slot(), next.blockHash(), source, next).sign(CHAIN_ID + 1, keys.get(2));
    assertTrue(problem(link(0), link(1), otherChain).contains("is not signed by"));
    SignedVote stranger = vote(data.key(), source, next);
    assertTrue(problem(link(0), link(1), stranger).contains("is not a validator"));
    SignedVote forged = new SignedVote(link(2).vote(), Address.of(keys.get(3).publicKey()), link(2).signature());
    assertTrue(problem(link(0), link(1), forged).contains("is not signed by"), "a signature of someone else");
  }

  @Test
  void theGenesisBlockOrAProofWithoutVotesIsRefused() {
    assertTrue(new FinalityProof(checkpoint, List.of()).problem(validators, CHAIN_ID).orElseThrow()
        .startsWith("0 votes"));
    BlockHeader genesis = new BlockHeader(Hash.ZERO, 0, 0, checkpoint.timestamp(), checkpoint.proposer(),
        checkpoint.stateRoot(), checkpoint.transactionsRoot(), checkpoint.receiptsRoot(), checkpoint.logsBloom(),
        checkpoint.gasLimit(), 0, checkpoint.baseFeePerGas(), checkpoint.extraData(), checkpoint.randaoMix(),
        checkpoint.vrfProof(), checkpoint.justified(), checkpoint.finalized(), checkpoint.consensusRoot(), null);
    assertTrue(new FinalityProof(genesis, List.of(link(0))).problem(validators, CHAIN_ID).orElseThrow()
        .contains("genesis"));
  }

  private String problem(SignedVote... votes) {
    return proof(votes).problem(validators, CHAIN_ID).orElseThrow();
  }

  private FinalityProof proof(SignedVote... votes) {
    return new FinalityProof(checkpoint, List.of(votes));
  }

  /** Validator {@code i}'s vote from the checkpoint to the next slot's block. */
  private SignedVote link(int i) {
    return vote(keys.get(i), new Checkpoint(checkpoint.slot(), checkpoint.hash()), next);
  }

  private static SignedVote vote(PrivateKey key, Checkpoint source, Checkpoint target) {
    return new Vote(target.slot(), target.blockHash(), source, target).sign(CHAIN_ID, key);
  }

  private static Validator validator(PrivateKey key) {
    return new Validator(Address.of(key.publicKey()), Wei.ofLux("32"), ValidatorKeys.derivedFrom(key).vrfPublicKey());
  }
}
