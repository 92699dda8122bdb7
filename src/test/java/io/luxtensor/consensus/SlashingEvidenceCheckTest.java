package io.luxtensor.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.testing.TestData;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.SlashingEvidence.DoubleVote;
import io.luxtensor.types.SlashingEvidence.ProposerEquivocation;
import io.luxtensor.types.SlashingEvidence.SurroundVote;
import io.luxtensor.types.SlashingEvidence;
import io.luxtensor.types.StakingRecord;
import io.luxtensor.types.Vote;
import io.luxtensor.types.Wei;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Evidence is accepted exactly when its signed messages prove the offence it names. */
class SlashingEvidenceCheckTest {
  private static final long CHAIN_ID = 31337;
  private final TestData data = new TestData(11);
  private final PrivateKey offender = data.key();
  private final PrivateKey honest = data.key();
  private final ValidatorSet validators = new ValidatorSet(List.of(validator(offender), validator(honest)));

  @Test
  void twoHeadersForOneSlotByTheirProposerProveAnEquivocation() {
    BlockHeader first = data.header(offender);
    BlockHeader second = otherContent(first, offender);

    assertEquals(Optional.empty(), problem(new ProposerEquivocation(first, second)));
  }

  @Test
  void equivocationEvidenceThatProvesNothingIsRefused() {
    BlockHeader first = data.header(offender);
    assertEquals(Optional.of("the two headers are the same header"), problem(new ProposerEquivocation(first, first)));
    assertEquals(Optional.of("the headers are for different slots"),
        problem(new ProposerEquivocation(first, withSlot(first, first.slot() + 1, offender))));
    assertEquals(Optional.of("a header is not signed by its proposer on chain " + CHAIN_ID),
        problem(new ProposerEquivocation(first, otherContent(first, honest))));
    BlockHeader onATestNetwork = otherContent(first, offender).withSignature(null).sign(CHAIN_ID + 1, offender);
    assertEquals(Optional.of("a header is not signed by its proposer on chain " + CHAIN_ID),
        problem(new ProposerEquivocation(first, onATestNetwork)), "a header signed for another chain proves nothing");
    BlockHeader stranger = data.header(data.key());
    assertEquals(Optional.of("the accused " + stranger.proposer() + " was not a validator in slot " + stranger.slot()),
        problem(new ProposerEquivocation(stranger, otherContent(stranger, data.key()))));
  }

  @Test
  void twoDifferentVotesForOneTargetProveADoubleVote() {
    SignedVote first = vote(offender, 5, 3, 5, data.hash());
    SignedVote second = vote(offender, 5, 3, 5, data.hash());

    assertEquals(Optional.empty(), problem(new DoubleVote(first, second)));
  }

  @Test
  void doubleVoteEvidenceThatProvesNothingIsRefused() {
    SignedVote first = vote(offender, 5, 3, 5, data.hash());
    assertEquals(Optional.of("the two votes are the same vote"), problem(new DoubleVote(first, first)));
    assertEquals(Optional.of("the votes have different target slots"),
        problem(new DoubleVote(first, vote(offender, 6, 3, 6, data.hash()))));
    assertEquals(Optional.of("the votes are by different validators"),
        problem(new DoubleVote(first, vote(honest, 5, 3, 5, data.hash()))));
    SignedVote forged = new SignedVote(vote(honest, 5, 3, 5, data.hash()).vote(), first.validator(),
        vote(honest, 5, 3, 5, data.hash()).signature());
    assertEquals(Optional.of("a vote is not signed by " + first.validator() + " on chain " + CHAIN_ID),
        problem(new DoubleVote(first, forged)));
    SignedVote otherChain = new Vote(5, data.hash(), new Checkpoint(3, data.hash()), new Checkpoint(5, data.hash()))
        .sign(CHAIN_ID + 1, offender);
    assertEquals(Optional.of("a vote is not signed by " + first.validator() + " on chain " + CHAIN_ID),
        problem(new DoubleVote(first, otherChain)), "a vote signed for another chain proves nothing here");
  }

  @Test
  void aVoteWhoseSpanContainsAnothersProvesASurround() {
    SignedVote outer = vote(offender, 10, 2, 10, data.hash());
    SignedVote inner = vote(offender, 8, 4, 8, data.hash());

    assertEquals(Optional.empty(), problem(new SurroundVote(outer, inner)));
  }

  @Test
  void surroundEvidenceThatProvesNothingIsRefused() {
    SignedVote outer = vote(offender, 10, 2, 10, data.hash());
    String notSurrounding = "the first vote's source-to-target span does not surround the second's";
    assertEquals(Optional.of(notSurrounding),
        problem(new SurroundVote(vote(offender, 8, 4, 8, data.hash()), outer)), "the wrong way round");
    assertEquals(Optional.of(notSurrounding),
        problem(new SurroundVote(outer, vote(offender, 9, 2, 9, data.hash()))), "a shared source is no surround");
    assertEquals(Optional.of(notSurrounding),
        problem(new SurroundVote(outer, vote(offender, 10, 4, 10, data.hash()))), "a shared target is a double vote");
  }

  /**
   * A validator active in epochs 2 to 4 (slots of 8) that has left and waits for its withdrawal answers for what it
   * signed while active, and only for that.
   */
  @Test
  void aValidatorThatHasLeftStillAnswersForWhatItSignedWhileActive() {
    StakingRecord left = new StakingRecord(Address.of(offender.publicKey()), Wei.ofLux("32"),
        ValidatorKeys.derivedFrom(offender).vrfPublicKey(), 0, StakingRecord.Status.WITHDRAWABLE, 2, 5);
    StakingRecord staying = new StakingRecord(Address.of(honest.publicKey()), Wei.ofLux("32"),
        ValidatorKeys.derivedFrom(honest).vrfPublicKey(), 1, StakingRecord.Status.ACTIVE, 0, 0);
    LongFunction<ValidatorSet> byRegistry = slot -> ValidatorRotation.activeAt(List.of(left, staying), slot / 8);

    assertEquals(Optional.empty(), SlashingEvidenceCheck.problem(
        new DoubleVote(vote(offender, 39, 38, 39, data.hash()), vote(offender, 39, 37, 39, data.hash())), byRegistry,
        CHAIN_ID, 60), "slot 39 is in epoch 4, its last");
    assertEquals(Optional.of("the accused " + left.address() + " was not a validator in slot 40"),
        SlashingEvidenceCheck.problem(new DoubleVote(vote(offender, 40, 38, 40, data.hash()),
            vote(offender, 40, 37, 40, data.hash())), byRegistry, CHAIN_ID, 60));
    assertEquals(Optional.of("the accused " + left.address() + " was not a validator in slot 15"),
        SlashingEvidenceCheck.problem(new DoubleVote(vote(offender, 15, 14, 15, data.hash()),
            vote(offender, 15, 13, 15, data.hash())), byRegistry, CHAIN_ID, 60), "before it was active");
    assertEquals(Optional.of("its offence is in slot 39, not before the block's slot 39"),
        SlashingEvidenceCheck.problem(new DoubleVote(vote(offender, 39, 38, 39, data.hash()),
            vote(offender, 39, 37, 39, data.hash())), byRegistry, CHAIN_ID, 39), "no offence comes from the future");
  }

  private Optional<String> problem(SlashingEvidence evidence) {
    return SlashingEvidenceCheck.problem(evidence, slot -> validators, CHAIN_ID, Long.MAX_VALUE);
  }

  private static SignedVote vote(PrivateKey key, long slot, long source, long target, Hash head) {
    return new Vote(slot, head, new Checkpoint(source, Hash.keccak(new byte[] {(byte) source})),
        new Checkpoint(target, head)).sign(CHAIN_ID, key);
  }

  private BlockHeader otherContent(BlockHeader h, PrivateKey signer) {
    return new BlockHeader(h.parentHash(), h.number(), h.slot(), h.timestamp(), h.proposer(), data.hash(),
        h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), h.gasLimit(), h.gasUsed(), h.baseFeePerGas(),
        h.extraData(), h.randaoMix(), h.vrfProof(), h.justified(), h.finalized(), h.consensusRoot(), null)
        .sign(CHAIN_ID, signer);
  }

  private static BlockHeader withSlot(BlockHeader h, long slot, PrivateKey signer) {
    return new BlockHeader(h.parentHash(), h.number(), slot, h.timestamp(), h.proposer(), h.stateRoot(),
        h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), h.gasLimit(), h.gasUsed(), h.baseFeePerGas(),
        h.extraData(), h.randaoMix(), h.vrfProof(), h.justified(), h.finalized(), h.consensusRoot(), null)
        .sign(CHAIN_ID, signer);
  }

  private static Validator validator(PrivateKey key) {
    return new Validator(Address.of(key.publicKey()), Wei.ofLux("32"), ValidatorKeys.derivedFrom(key).vrfPublicKey());
  }
}
