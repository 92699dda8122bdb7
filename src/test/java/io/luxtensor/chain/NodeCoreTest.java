package io.luxtensor.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.chain.NodeCore.Received;
import io.luxtensor.chain.NodeCore.Received.Verdict;
import io.luxtensor.consensus.BlockVoteCheck;
import io.luxtensor.consensus.FinalityState;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.BlockExecutor;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.testing.TestData;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
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

/**
 * Bad input from peers: every malformed, wrongly signed or useless block and vote gets a verdict with its reason,
 * changes nothing, and junk cannot fill the buffers that keep blocks and votes waiting for their parents.
 */
class NodeCoreTest {
  private static final long CHAIN_ID = 4242;
  private static final long GENESIS_MILLIS = 1_800_000_000_000L;
  private static final long SLOT_MILLIS = 500;

  private final TestData data = new TestData(11);
  private final ChainParameters parameters =
      new ChainParameters(CHAIN_ID, GENESIS_MILLIS, SLOT_MILLIS, 8, BigInteger.ZERO);
  private final List<ValidatorKeys> keys = new ArrayList<>();
  private final List<NodeCore> nodes = new ArrayList<>();
  private Hash genesis;

  NodeCoreTest() {
    List<Validator> validators = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ValidatorKeys key = ValidatorKeys.derivedFrom(data.key());
      keys.add(key);
      validators.add(new Validator(key.address(), Wei.ofLux("32"), key.vrfPublicKey()));
    }
    GenesisSpec spec = new GenesisSpec(parameters, 30_000_000, BigInteger.valueOf(1_000_000_000L), Bytes.EMPTY,
        new TreeMap<>(), validators);
    for (ValidatorKeys key : keys) {
      InMemoryNodeStore store = new InMemoryNodeStore();
      Genesis.GenesisBlock genesisBlock = Genesis.create(spec, store);
      genesis = genesisBlock.block().hash();
      nodes.add(new NodeCore(genesisBlock, parameters,
          ValidatorSchedule.fixed(new ValidatorSet(validators)), List.of(key),
          new BlockExecutor(new TransactionProcessor(SystemContracts.standard())), store, Map.of()));
    }
  }

  @Test
  void votesThatAreForgedMalformedOrFromStrangersAreRefusedWithAReasonAndChangeNothing() {
    long slot = runSlots(3) + 1;
    NodeCore node = nodes.get(0);
    FinalityState finality = node.finality();
    Hash head = node.head(slot);
    Checkpoint source = finality.justified();
    long now = millisInto(slot, 2);
    PrivateKey stranger = data.key();

    Vote honest = new Vote(slot, head, source, new Checkpoint(slot, head));
    SignedVote forged = new SignedVote(honest, keys.get(1).address(), honest.sign(CHAIN_ID, stranger).signature());
    assertRejected("not signed by " + keys.get(1).address(), node.onVote(forged, now));
    assertRejected("is not a validator", node.onVote(honest.sign(CHAIN_ID, stranger), now));
    assertRejected("not signed by", node.onVote(honest.sign(CHAIN_ID + 1, keys.get(1).signingKey()), now));
    assertRejected("its target is not its own slot's checkpoint", node.onVote(
        new Vote(slot, head, source, new Checkpoint(slot - 1, head)).sign(CHAIN_ID, keys.get(1).signingKey()), now));
    assertRejected("its head is from slot", node.onVote(new Vote(slot - 2, head, new Checkpoint(0, genesis),
        new Checkpoint(slot - 2, head)).sign(CHAIN_ID, keys.get(1).signingKey()), now));
    Received future = node.onVote(new Vote(slot + 5, head, source, new Checkpoint(slot + 5, head))
        .sign(CHAIN_ID, keys.get(1).signingKey()), now);
    assertEquals(Verdict.IGNORED, future.verdict(), future.reason());

    assertEquals(finality, node.finality(), "nothing refused moved finality");
    assertEquals(head, node.head(slot), "or the head");
  }

  @Test
  void aVoteIsCountedOnceAndItsCopyIsKnown() {
    long slot = runSlots(2) + 1;
    NodeCore node = nodes.get(0);
    Hash head = node.head(slot);
    SignedVote vote = new Vote(slot, head, node.finality().justified(), new Checkpoint(slot, head))
        .sign(CHAIN_ID, keys.get(2).signingKey());

    assertEquals(Verdict.ACCEPTED, node.onVote(vote, millisInto(slot, 1)).verdict());
    assertEquals(Verdict.ALREADY_KNOWN, node.onVote(vote, millisInto(slot, 1)).verdict());
  }

  /**
   * Two blocks on genesis, in slots 1 and 2 by different proposers: a vote from the first to the second links
   * checkpoints on different branches, which could move finality across branches with no slashable vote.
   */
  @Test
  void aVoteWhoseTargetIsOffItsSourcesBranchIsRefused() {
    List<Block> made = new ArrayList<>();
    for (long slot = 1; made.stream().map(b -> b.header().proposer()).distinct().count() < 2; slot++) {
      for (NodeCore proposer : nodes) {
        proposer.onSlotStart(slot).forEach(out -> made.add(((NodeCore.Outbound.PublishBlock) out).block()));
      }
    }
    Block first = made.getFirst();
    Block second = made.getLast();
    assertEquals(first.header().parentHash(), second.header().parentHash(), "both build on genesis");
    long slot = second.header().slot();
    NodeCore node = nodes.stream().filter(n -> n.header(first.hash()).isEmpty() && n.header(second.hash()).isEmpty())
        .findFirst().orElseThrow();
    long now = millisInto(slot, 2);
    assertEquals(Verdict.ACCEPTED, node.onBlock(first, now).verdict());
    assertEquals(Verdict.ACCEPTED, node.onBlock(second, now).verdict());

    SignedVote acrossBranches = new Vote(slot, second.hash(), new Checkpoint(first.header().slot(), first.hash()),
        new Checkpoint(slot, second.hash())).sign(CHAIN_ID, keys.get(3).signingKey());

    assertRejected("its target does not descend from its source", node.onVote(acrossBranches, now));
  }

  @Test
  void aBlockWithABadSignatureIsRefusedWithItsReason() {
    long slot = runSlots(2) + 1;
    Block block = proposeWithoutPublishing(slot);
    NodeCore receiver = nodes.stream().filter(n -> n.header(block.hash()).isEmpty()).findFirst().orElseThrow();
    Block resigned = new Block(block.header().withSignature(null).sign(CHAIN_ID, data.key()), block.transactions(),
        block.votes(), block.evidence());
    Hash headBefore = receiver.head(slot);

    Received verdict = receiver.onBlock(resigned, millisInto(slot, 1));

    assertRejected("signature is missing, malformed or not the proposer's", verdict);
    assertEquals(headBefore, receiver.head(slot));
    assertEquals(Verdict.ACCEPTED, receiver.onBlock(block, millisInto(slot, 1)).verdict(), "the real one still goes in");
  }

  @Test
  void aBlockClaimingFinalityItsChainsVotesDoNotProveIsRefused() {
    long slot = runSlots(3) + 1;
    Block block = proposeWithoutPublishing(slot);
    NodeCore receiver = nodes.stream().filter(n -> n.header(block.hash()).isEmpty()).findFirst().orElseThrow();
    BlockHeader h = block.header();
    int proposer = keys.stream().map(ValidatorKeys::address).toList().indexOf(h.proposer());
    // It claims its justified checkpoint is final as well.
    BlockHeader lying = new BlockHeader(h.parentHash(), h.number(), h.slot(), h.timestamp(), h.proposer(),
        h.stateRoot(), h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), h.gasLimit(), h.gasUsed(),
        h.baseFeePerGas(), h.extraData(), h.randaoMix(), h.vrfProof(), h.justified(), h.justified(),
        h.consensusRoot(), null).sign(CHAIN_ID, keys.get(proposer).signingKey());
    assertNotEquals(h.justified(), h.finalized(), "which the honest header does not");

    Received verdict = receiver.onBlock(new Block(lying, block.transactions(), block.votes(), block.evidence()),
        millisInto(slot, 1));

    assertRejected("justified or finalized checkpoint does not follow from the votes the chain carries", verdict);
    assertEquals(Verdict.ACCEPTED, receiver.onBlock(block, millisInto(slot, 1)).verdict(), "the honest one goes in");
  }

  @Test
  void junkCannotFillTheBuffersOfBlocksAndVotesWaitingForTheirParents() {
    long slot = runSlots(2) + 1;
    NodeCore node = nodes.get(0);
    long now = millisInto(slot, 2);
    Checkpoint source = node.finality().justified();
    Hash unknown = data.hash();

    Vote forValidator1 = new Vote(slot, unknown, source, new Checkpoint(slot, unknown));
    assertRejected("it is not signed by " + keys.get(1).address(), node.onVote(new SignedVote(forValidator1,
        keys.get(1).address(), forValidator1.sign(CHAIN_ID, data.key()).signature()), now));
    assertEquals(0, node.waitingVoteCount(), "a forged vote does not wait");
    for (int i = 0; i < 3 * NodeCore.WAITING_VOTES_PER_VALIDATOR; i++) {
      Received verdict = node.onVote(waitingVote(slot - i % 2, source, keys.get(1).signingKey()), now);
      assertEquals(Verdict.WAITING, verdict.verdict(), verdict.reason());
    }
    assertEquals(NodeCore.WAITING_VOTES_PER_VALIDATOR, node.waitingVoteCount(), "one validator's share at most");
    node.onVote(waitingVote(slot, source, keys.get(2).signingKey()), now);

    // A flood from keys that are not validators here (they might be on another branch) fills the rest, and then
    // makes room only among its own.
    for (int i = 0; i < 2 * NodeCore.WAITING_VOTES_MAX / NodeCore.WAITING_VOTES_PER_VALIDATOR; i++) {
      PrivateKey stranger = data.key();
      for (int j = 0; j < NodeCore.WAITING_VOTES_PER_VALIDATOR; j++) {
        node.onVote(waitingVote(slot, source, stranger), now);
      }
    }
    assertEquals(NodeCore.WAITING_VOTES_MAX, node.waitingVoteCount());
    assertEquals(NodeCore.WAITING_VOTES_PER_VALIDATOR, node.waitingVotesOf(keys.get(1).address()),
        "the validators' votes still wait");
    assertEquals(1, node.waitingVotesOf(keys.get(2).address()));

    BlockHeader orphanHeader = proposeWithoutPublishing(slot).header();
    BlockHeader strangersHeader = new BlockHeader(unknown, orphanHeader.number() + 1, slot, orphanHeader.timestamp(),
        orphanHeader.proposer(), orphanHeader.stateRoot(), orphanHeader.transactionsRoot(),
        orphanHeader.receiptsRoot(), orphanHeader.logsBloom(), orphanHeader.gasLimit(), orphanHeader.gasUsed(),
        orphanHeader.baseFeePerGas(), orphanHeader.extraData(), orphanHeader.randaoMix(), orphanHeader.vrfProof(),
        orphanHeader.justified(), orphanHeader.finalized(), orphanHeader.consensusRoot(), null);
    assertRejected("its parent is unknown and it is not signed by its proposer",
        node.onBlock(new Block(strangersHeader.sign(CHAIN_ID, data.key()), List.of()), now));
    assertEquals(List.of(), node.missingBlocks(), "a block its proposer did not sign is not kept or fetched for");
    int proposer = keys.stream().map(ValidatorKeys::address).toList().indexOf(orphanHeader.proposer());
    Received kept = node.onBlock(new Block(strangersHeader.sign(CHAIN_ID, keys.get(proposer).signingKey()), List.of()),
        now);
    assertEquals(Verdict.WAITING, kept.verdict(), kept.reason());
    assertEquals(List.of(unknown), node.missingBlocks(), "a validator's orphan waits, and its parent is wanted");
  }

  /**
   * A block carrying evidence, left behind when the node's head moves to a branch that never saw it: the evidence
   * must go into the node's next block on that branch, or the offender is never slashed there. (The first version
   * counted evidence as on chain once any block carried it.)
   */
  @Test
  void evidenceInABlockLeftBehindIsCarriedAgainOnTheBranchThatWon() {
    long slot = runSlots(4) + 1;
    int x = indexOf(nodes.get(0).proposerOf(slot + 1));
    int offender = (x + 1) % keys.size();
    NodeCore nodeX = nodes.get(x);
    BlockHeader head = nodeX.header(nodeX.head(slot)).orElseThrow();
    Checkpoint genesisCheckpoint = new Checkpoint(0, genesis);
    long now = millisInto(slot, 1);
    for (Hash votedHead : List.of(head.hash(), head.parentHash())) {
      Vote vote = new Vote(slot, votedHead, genesisCheckpoint, new Checkpoint(slot, votedHead));
      Received received = nodeX.onVote(vote.sign(CHAIN_ID, keys.get(offender).signingKey()), now);
      assertEquals(Verdict.ACCEPTED, received.verdict(), received.reason());
    }

    Block carrying = ((NodeCore.Outbound.PublishBlock) nodeX.onSlotStart(slot + 1).getFirst()).block();
    assertEquals(List.of(keys.get(offender).address()),
        carrying.evidence().stream().map(e -> e.offender()).toList(), "node x holds the double vote");

    // The others never see that block: their branch grows from the same parent, with their votes.
    List<NodeCore> others = new ArrayList<>(nodes);
    others.remove(nodeX);
    List<Block> otherBranch = new ArrayList<>();
    List<SignedVote> otherVotes = new ArrayList<>();
    for (long s = slot + 2; otherBranch.size() < 2; s++) {
      long inSlot = s;
      for (NodeCore proposer : others) {
        proposer.onSlotStart(s).forEach(out -> {
          Block block = ((NodeCore.Outbound.PublishBlock) out).block();
          otherBranch.add(block);
          others.forEach(node -> node.onBlock(block, millisInto(inSlot, 0)));
        });
      }
      for (NodeCore voter : others) {
        voter.onVoteDue(s, millisInto(s, 1)).forEach(out -> {
          SignedVote vote = ((NodeCore.Outbound.PublishVote) out).vote();
          otherVotes.add(vote);
          others.forEach(node -> node.onVote(vote, millisInto(inSlot, 1)));
        });
      }
    }
    assertTrue(otherBranch.stream().allMatch(b -> b.evidence().isEmpty()), "nobody else holds the evidence");
    long last = otherBranch.getLast().header().slot();
    otherBranch.forEach(block -> nodeX.onBlock(block, millisInto(last, 2)));
    otherVotes.forEach(vote -> nodeX.onVote(vote, millisInto(last, 2)));
    assertEquals(otherBranch.getLast().hash(), nodeX.head(last + 1), "node x follows the branch of three");

    Block next = null;
    for (long s = last + 1; next == null; s++) {
      List<NodeCore.Outbound> out = nodeX.onSlotStart(s);
      next = out.isEmpty() ? null : ((NodeCore.Outbound.PublishBlock) out.getFirst()).block();
    }
    assertEquals(otherBranch.getLast().hash(), next.header().parentHash());
    assertEquals(List.of(keys.get(offender).address()), next.evidence().stream().map(e -> e.offender()).toList(),
        "the evidence left behind is carried on the branch that won");
  }

  /**
   * Slots with votes but no block, twice as many as a node keeps votes for: votes alone move no node's finality, and
   * when proposers come back they build on the last block and finality resumes. (Before votes took their source from
   * the head's chain, the nodes justified the empty slots from gossip; no block could prove that once the votes were
   * forgotten, and none could lead the fork choice again.)
   */
  @Test
  void afterManySlotsOfVotesWithoutBlocksProposersBuildOnTheLastBlockAndFinalityResumes() {
    long lastBlockSlot = runSlots(3);
    Hash lastBlock = nodes.get(0).head(lastBlockSlot + 1);
    FinalityState before = nodes.get(0).finality();
    long slot = lastBlockSlot + 1;
    for (; slot <= lastBlockSlot + 2 * NodeCore.MEMORY_SLOTS; slot++) {
      List<SignedVote> votes = new ArrayList<>();
      for (NodeCore voter : nodes) {
        voter.onVoteDue(slot, millisInto(slot, 1))
            .forEach(out -> votes.add(((NodeCore.Outbound.PublishVote) out).vote()));
      }
      assertEquals(nodes.size(), votes.size(), "every validator votes in slot " + slot);
      long inSlot = slot;
      votes.forEach(vote -> nodes.forEach(node -> node.onVote(vote, millisInto(inSlot, 1))));
    }
    assertEquals(before, nodes.get(0).finality(), "votes alone move no node's finality");

    long last = runSlots(slot, slot + 4);

    BlockHeader first = nodes.get(0).header(nodes.get(0).head(last)).orElseThrow();
    while (first.slot() > slot) {
      first = nodes.get(0).header(first.parentHash()).orElseThrow();
    }
    assertEquals(slot, first.slot());
    assertEquals(lastBlock, first.parentHash(), "the first block after the gap builds on the last one");
    assertTrue(nodes.get(0).finality().finalized().slot() >= last - 2, "finality resumed: " + nodes.get(0).finality());
  }

  /**
   * A validator whose key runs twice votes in one slot for the head and for its parent, and the copy for the parent
   * reaches everyone first. With one validator absent, the slot is justified only with the vote for the head; a
   * proposer that kept the first vote per validator and slot carried the other, its chain never proved the slot's
   * justification, and (when nodes still justified from gossip) after the grace slots no block could become the head
   * again: every node stayed on one block for good (the halt of the twins scenario).
   */
  @Test
  void aProposerCarriesTheVoteForItsBranchWhenAValidatorVotedTwiceInASlot() {
    long slot = runSlots(3) + 1;
    publishBlocks(slot);
    long voteTime = millisInto(slot, 1);
    Hash head = nodes.get(0).head(slot);
    Hash parent = nodes.get(0).header(head).orElseThrow().parentHash();
    Checkpoint source = nodes.get(0).finality().justified();
    List<SignedVote> votes = new ArrayList<>();
    // Both copies of validator 0 sign outside node 0, so that no node counts the vote for the head first.
    votes.add(new Vote(slot, parent, source, new Checkpoint(slot, parent)).sign(CHAIN_ID, keys.get(0).signingKey()));
    votes.add(new Vote(slot, head, source, new Checkpoint(slot, head)).sign(CHAIN_ID, keys.get(0).signingKey()));
    for (NodeCore voter : nodes.subList(1, 3)) {
      voter.onVoteDue(slot, voteTime).forEach(out -> votes.add(((NodeCore.Outbound.PublishVote) out).vote()));
    }
    votes.forEach(vote -> nodes.forEach(node -> node.onVote(vote, voteTime)));

    Block next = proposeWithoutPublishing(slot + 1);

    assertEquals(new Checkpoint(slot, head), next.header().justified(), "three of four voted for the head");
    long last = runSlots(slot + 1, slot + 8);
    long headSlot = nodes.get(0).header(nodes.get(0).head(last)).orElseThrow().slot();
    assertTrue(headSlot >= last - 1, "blocks still become the head: head of slot " + headSlot + " at slot " + last);
  }

  /**
   * The copy of a key on a node that lags votes for the head from an older source than the honest nodes do, and
   * reaches everyone first; with one validator absent, only the copy's vote from the newer source justifies the slot.
   * A block must carry that one.
   */
  @Test
  void ofAValidatorsVotesForItsBranchAProposerCarriesTheOneFromTheNewestSource() {
    long slot = runSlots(3) + 1;
    publishBlocks(slot);
    Hash head = nodes.get(0).head(slot);
    Checkpoint source = nodes.get(0).finality().justified();
    Checkpoint older = nodes.get(0).finality().finalized();
    assertTrue(older.slot() < source.slot(), nodes.get(0).finality().toString());
    List<SignedVote> votes = new ArrayList<>();
    votes.add(new Vote(slot, head, older, new Checkpoint(slot, head)).sign(CHAIN_ID, keys.get(0).signingKey()));
    votes.add(new Vote(slot, head, source, new Checkpoint(slot, head)).sign(CHAIN_ID, keys.get(0).signingKey()));
    long voteTime = millisInto(slot, 1);
    for (NodeCore voter : nodes.subList(1, 3)) {
      voter.onVoteDue(slot, voteTime).forEach(out -> votes.add(((NodeCore.Outbound.PublishVote) out).vote()));
    }
    votes.forEach(vote -> nodes.forEach(node -> node.onVote(vote, voteTime)));

    Block next = proposeWithoutPublishing(slot + 1);

    assertEquals(new Checkpoint(slot, head), next.header().justified());
  }

  /**
   * The slot's block came late: two validators voted for its parent, and so did one copy of a twinned key, whose
   * other copy voted for the block and reached everyone first. Three quarters of the stake link the source to the
   * slot's checkpoint on the parent; a block on the late block must carry the copy's vote for the parent, the one
   * that justifies it, not the one for its own branch's checkpoint.
   */
  @Test
  void ofAValidatorsVotesAProposerCarriesTheOneForTheLinkMostStakeVotedFor() {
    long slot = runSlots(3) + 1;
    publishBlocks(slot);
    Hash head = nodes.get(0).head(slot);
    Hash parent = nodes.get(0).header(head).orElseThrow().parentHash();
    Checkpoint source = nodes.get(0).finality().justified();
    Checkpoint onParent = new Checkpoint(slot, parent);
    List<SignedVote> votes = new ArrayList<>();
    votes.add(new Vote(slot, head, source, new Checkpoint(slot, head)).sign(CHAIN_ID, keys.get(0).signingKey()));
    for (int validator = 0; validator < 3; validator++) {
      votes.add(new Vote(slot, parent, source, onParent).sign(CHAIN_ID, keys.get(validator).signingKey()));
    }
    long voteTime = millisInto(slot, 1);
    votes.forEach(vote -> nodes.forEach(node -> node.onVote(vote, voteTime)));

    Block next = proposeWithoutPublishing(slot + 1);

    assertEquals(head, next.header().parentHash());
    assertEquals(onParent, next.header().justified(), "the block's chain proves the link three quarters voted for");
  }

  /** Every node's block for {@code slot} reaches every node at once; no votes. */
  private void publishBlocks(long slot) {
    for (NodeCore proposer : nodes) {
      proposer.onSlotStart(slot).forEach(out -> {
        Block block = ((NodeCore.Outbound.PublishBlock) out).block();
        nodes.forEach(node -> node.onBlock(block, millisInto(blockSlot(block), 0)));
      });
    }
  }

  private int indexOf(io.luxtensor.types.Address validator) {
    return keys.stream().map(ValidatorKeys::address).toList().indexOf(validator);
  }

  /** A vote of {@code key}'s in {@code slot} for a head nobody has seen. */
  private SignedVote waitingVote(long slot, Checkpoint source, PrivateKey key) {
    Hash unknown = data.hash();
    return new Vote(slot, unknown, source, new Checkpoint(slot, unknown)).sign(CHAIN_ID, key);
  }

  /** Runs slots 1 to {@code last} with every block and vote reaching every node in time; returns {@code last}. */
  private long runSlots(long last) {
    return runSlots(1, last);
  }

  /** As {@link #runSlots(long)}, from slot {@code first}. */
  private long runSlots(long first, long last) {
    for (long slot = first; slot <= last; slot++) {
      for (NodeCore proposer : nodes) {
        for (NodeCore.Outbound out : proposer.onSlotStart(slot)) {
          Block block = ((NodeCore.Outbound.PublishBlock) out).block();
          nodes.forEach(node -> node.onBlock(block, millisInto(blockSlot(block), 0)));
        }
      }
      long voteTime = millisInto(slot, 1);
      List<SignedVote> votes = new ArrayList<>();
      for (NodeCore voter : nodes) {
        voter.onVoteDue(slot, voteTime)
            .forEach(out -> votes.add(((NodeCore.Outbound.PublishVote) out).vote()));
      }
      votes.forEach(vote -> nodes.forEach(node -> node.onVote(vote, voteTime)));
    }
    return last;
  }

  /** The block of {@code slot}'s proposer, which no other node has seen. */
  private Block proposeWithoutPublishing(long slot) {
    for (NodeCore proposer : nodes) {
      List<NodeCore.Outbound> out = proposer.onSlotStart(slot);
      if (!out.isEmpty()) {
        return ((NodeCore.Outbound.PublishBlock) out.getFirst()).block();
      }
    }
    throw new AssertionError("no node proposes slot " + slot);
  }

  private static long blockSlot(Block block) {
    return block.header().slot();
  }

  /** A time in {@code slot}: {@code thirds} thirds of the way in. */
  private static long millisInto(long slot, int thirds) {
    return GENESIS_MILLIS + slot * SLOT_MILLIS + thirds * SLOT_MILLIS / 3;
  }

  private static void assertRejected(String reasonFragment, Received received) {
    assertEquals(Verdict.REJECTED, received.verdict(), received.reason());
    assertTrue(received.reason().contains(reasonFragment), received.reason());
  }
}
