package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.NodeCore.Received;
import io.luxtensor.chain.NodeCore.Received.Verdict;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.storage.KeyValueStore;
import io.luxtensor.testing.TestChains;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Vote;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A node without a validator key follows the validator's chain: it imports its blocks and counts its votes. */
class ChainServiceFollowTest {
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final KeyValueStore validatorStore = open(TestChains.memoryStore());
  private ChainService validator = open(TestChains.validator(validatorStore));
  private final ChainService follower = open(TestChains.follower(open(TestChains.memoryStore())));
  private final List<SignedVote> votes = new CopyOnWriteArrayList<>();

  ChainServiceFollowTest() {
    validator.addVoteListener(votes::add);
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : opened.reversed()) {
      c.close();
    }
  }

  @Test
  void followerImportsTheValidatorsBlocksAndReachesItsHeadStateAndFinality() throws Exception {
    Transaction inFollowersPool = TestChains.transfer(1, 0, 7);
    follower.submit(RecoveredTransaction.recover(inFollowersPool)).get();
    for (int i = 0; i < 5; i++) {
      StoredBlock block = TestChains.seal(validator, i == 2 ? List.of(inFollowersPool) : List.of(
          TestChains.transfer(0, i < 2 ? i : i - 1, 1_000 + i)));
      Received received = follower.importBlock(block.block()).get();
      assertEquals(Verdict.ACCEPTED, received.verdict(), received.reason());
    }
    for (SignedVote vote : votes) {
      follower.importVote(vote).get();
    }
    assertEquals(validator.head().latest(), follower.head().latest());
    assertEquals(validator.head().finalized(), follower.head().finalized());
    assertEquals(validator.head().safe(), follower.head().safe());
    assertEquals(5, follower.head().finalized().number() + 1, "the validator's vote finalizes the head's parent");
    assertEquals(0, follower.status().pending(), "the included transaction left the follower's pool");
  }

  @Test
  void aBlockAlreadyImportedOrWithoutItsParentChangesNothing() throws Exception {
    Block first = TestChains.seal(validator, List.of()).block();
    Block second = TestChains.seal(validator, List.of()).block();
    Received orphan = follower.importBlock(second).get();
    assertEquals(Verdict.WAITING, orphan.verdict(), orphan.reason());
    assertEquals(0, follower.head().latest().number());
    assertEquals(Verdict.ACCEPTED, follower.importBlock(first).get().verdict());
    assertEquals(Verdict.ALREADY_KNOWN, follower.importBlock(first).get().verdict());
    assertEquals(Verdict.ACCEPTED, follower.importBlock(second).get().verdict());
    assertEquals(second.hash(), follower.head().latest().hash());
  }

  @Test
  void aTamperedBlockIsRejectedAndTheHeadStays() throws Exception {
    Block block = TestChains.seal(validator, List.of(TestChains.transfer(0, 0, 5))).block();
    BlockHeader h = block.header();
    BlockHeader wrongState = new BlockHeader(h.parentHash(), h.number(), h.slot(), h.timestamp(), h.proposer(),
        Hash.keccak(new byte[] {1}), h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), h.gasLimit(), h.gasUsed(),
        h.baseFeePerGas(), h.extraData(), h.randaoMix(), h.vrfProof(), h.justified(), h.finalized(),
        h.consensusRoot(), h.signature());
    Received unsigned = follower.importBlock(new Block(wrongState, block.transactions(), block.votes(),
        block.evidence())).get();
    assertEquals(Verdict.REJECTED, unsigned.verdict(), unsigned.reason());
    Received resigned = follower.importBlock(new Block(resign(wrongState), block.transactions(), block.votes(),
        block.evidence())).get();
    assertEquals(Verdict.REJECTED, resigned.verdict());
    assertTrue(resigned.reason().contains("state root"), resigned.reason());
    assertEquals(0, follower.head().latest().number());
    assertEquals(Verdict.ACCEPTED, follower.importBlock(block).get().verdict(), "the real block still imports");
  }

  @Test
  void aBlockClaimingFinalityItsVotesDoNotProveIsRejected() throws Exception {
    follower.importBlock(TestChains.seal(validator, List.of()).block()).get();
    Block block = TestChains.seal(validator, List.of()).block();
    BlockHeader h = block.header();
    Checkpoint claimed = new Checkpoint(h.slot() - 1, h.parentHash());
    BlockHeader lying = resign(new BlockHeader(h.parentHash(), h.number(), h.slot(), h.timestamp(), h.proposer(),
        h.stateRoot(), h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), h.gasLimit(), h.gasUsed(),
        h.baseFeePerGas(), h.extraData(), h.randaoMix(), h.vrfProof(), claimed, claimed, h.consensusRoot(), null));
    Received received = follower.importBlock(new Block(lying, block.transactions(), block.votes(), block.evidence()))
        .get();
    assertEquals(Verdict.REJECTED, received.verdict());
    assertTrue(received.reason().contains("finalized"), received.reason());
    assertEquals(Verdict.ACCEPTED, follower.importBlock(block).get().verdict());
  }

  @Test
  void theChainCarriesTheValidatorsLastVoteAcrossItsRestart() throws Exception {
    follower.importBlock(TestChains.seal(validator, List.of()).block()).get();
    validator.close();
    validator = open(TestChains.validator(validatorStore));
    Received afterRestart = follower.importBlock(TestChains.seal(validator, List.of()).block()).get();
    assertEquals(Verdict.ACCEPTED, afterRestart.verdict(), afterRestart.reason());
    assertEquals(validator.head().finalized(), follower.head().finalized());
  }

  @Test
  void votesFromStrangersOrForUnknownBlocksDoNotCount() throws Exception {
    Block block = TestChains.seal(validator, List.of()).block();
    SignedVote real = votes.getFirst();
    PrivateKey stranger = DevChain.accounts(1).getFirst().key();
    Received forged = follower.importVote(real.vote().sign(DevChain.CHAIN_ID, stranger)).get();
    assertEquals(Verdict.REJECTED, forged.verdict(), forged.reason());
    assertEquals(Verdict.WAITING, follower.importVote(real).get().verdict(), "its block has not arrived");
    follower.importBlock(block).get();
    Vote wrongChain = real.vote();
    Received otherChain = follower.importVote(wrongChain.sign(DevChain.CHAIN_ID + 1,
        DevChain.validatorKeys().signingKey())).get();
    assertEquals(Verdict.REJECTED, otherChain.verdict(), "signed for another chain id");
    assertEquals(Verdict.ACCEPTED, follower.importVote(real).get().verdict());
    assertEquals(block.hash(), follower.head().safe().hash());
  }

  @Test
  void aFollowerHasNoKeyToSealWith() {
    ExecutionException e = assertThrows(ExecutionException.class, () -> follower.seal().get());
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }

  private static BlockHeader resign(BlockHeader header) {
    return header.sign(DevChain.CHAIN_ID, DevChain.validatorKeys().signingKey());
  }

  private <T extends AutoCloseable> T open(T closeable) {
    opened.add(closeable);
    return closeable;
  }
}
