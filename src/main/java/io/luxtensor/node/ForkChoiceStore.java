package io.luxtensor.node;

import io.luxtensor.chain.ChainParameters;
import io.luxtensor.chain.Genesis;
import io.luxtensor.chain.NodeCore;
import io.luxtensor.chain.NodeCore.Received;
import io.luxtensor.chain.ProducedBlock;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.chain.StakingSchedule;
import io.luxtensor.consensus.FinalityState;
import io.luxtensor.consensus.SlashingProtection;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.execution.BlockExecutor;
import io.luxtensor.execution.CandidateTransactions;
import io.luxtensor.storage.BufferedNodeStore;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.WriteBatch;
import io.luxtensor.types.Address;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Receipt;
import io.luxtensor.types.SignedVote;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chain of a network with several validators, as this node stores it: {@link NodeCore} keeps the block tree, the
 * fork choice and finality, and signs for this node's validators; every block it executes is written as it comes,
 * and the canonical index follows its head, across reorganisations. Each step commits one batch (the blocks, their
 * trie nodes, what the validators signed, the head and finality) before it returns, so nothing signed leaves the
 * node before its slashing-protection record is durable. Used on the chain thread only.
 *
 * <p>After a restart the stored canonical chain is replayed into a new core (blocks not executed again, their votes
 * counted), which rebuilds the fork choice and the finality the chain proves. Finality reported never goes below the
 * stored one, which may have come from gossiped votes no block carries yet.
 */
final class ForkChoiceStore {
  private static final System.Logger LOG = System.getLogger(ForkChoiceStore.class.getName());
  /** How long a key new to this data directory waits before it signs, on a chain already running. */
  static final long FRESH_KEY_WAIT_EPOCHS = 2;

  /**
   * What a step changed: whether the head moved, the blocks that became canonical (oldest first), those that stopped
   * being canonical (their transactions go back to the pool), and this node's votes to publish.
   */
  record Step<T>(T result, boolean headMoved, List<ChainService.NewHead> newHeads, List<StoredBlock> dropped,
      List<SignedVote> votes) {

    /** This step with {@code productionNanos} on the new heads that this node proposed in it. */
    Step<T> withProductionTime(List<NodeCore.Outbound> outbound, long productionNanos) {
      Set<Hash> proposed = outbound.stream().filter(NodeCore.Outbound.PublishBlock.class::isInstance)
          .map(o -> ((NodeCore.Outbound.PublishBlock) o).block().hash()).collect(Collectors.toSet());
      if (proposed.isEmpty()) {
        return this;
      }
      return new Step<>(result, headMoved, newHeads.stream().map(head -> proposed.contains(head.block().block().hash())
          ? new ChainService.NewHead(head.block(), head.receipts(), productionNanos) : head).toList(), dropped, votes);
    }
  }

  private final ChainParameters parameters;
  private final ChainDatabase database;
  private final BufferedNodeStore nodes;
  private final NodeCore core;
  private BlockHeader head;
  private FinalityState finality;
  private Map<Address, SlashingProtection> signed;

  private ForkChoiceStore(ChainParameters parameters, ChainDatabase database, BufferedNodeStore nodes, NodeCore core,
      BlockHeader head, FinalityState finality) {
    this.parameters = parameters;
    this.database = database;
    this.nodes = nodes;
    this.core = core;
    this.head = head;
    this.finality = finality;
    this.signed = core.signed();
  }

  /**
   * Opens the stored chain: a core from genesis, the canonical blocks replayed into it.
   *
   * <p>A key with no slashing-protection record here, on a chain past its first {@value #FRESH_KEY_WAIT_EPOCHS}
   * epochs, may have signed before, from a data directory since wiped or on another machine: it signs nothing for
   * that many epochs, then nothing for a slot before the end of the wait, and no vote whose source is before the slot
   * it started in, except one from its node's justified checkpoint once its head is past the wait ({@link
   * SlashingProtection#withoutHistory}). Its earlier votes had targets, so sources, before that slot: nothing it signs
   * afterwards can double or surround them. (In the first epochs no key waits: a chain that young has no past to
   * protect.)
   */
  static ForkChoiceStore open(ChainParameters parameters, ChainDatabase database,
      BlockExecutor executor, List<ValidatorKeys> keys, long nowMillis) {
    BufferedNodeStore nodes = new BufferedNodeStore(database.store());
    Genesis.GenesisBlock genesis = Genesis.of(database.genesisSpec().orElseThrow(
        () -> new IllegalStateException("the database has no genesis spec")), nodes);
    Map<Address, SlashingProtection> signed = new TreeMap<>();
    long waitSlots = FRESH_KEY_WAIT_EPOCHS * parameters.slotsPerEpoch();
    long now = parameters.slotAt(nowMillis);
    for (ValidatorKeys key : keys) {
      SlashingProtection record = database.slashingProtection(key.address());
      if (record.equals(SlashingProtection.NOTHING_SIGNED) && now >= waitSlots) {
        record = SlashingProtection.withoutHistory(now, waitSlots);
        LOG.log(System.Logger.Level.WARNING, "validator " + key.address().toChecksumHex() + " has no slashing-"
            + "protection record in this data directory: it signs nothing before slot " + (now + waitSlots + 1)
            + " (" + FRESH_KEY_WAIT_EPOCHS + " epochs), in case it signed before (docs/operations.md)");
      }
      signed.put(key.address(), record);
    }
    NodeCore core = new NodeCore(genesis, parameters, new StakingSchedule(parameters, nodes), keys, executor, nodes,
        signed, true);
    BlockHeader stored = database.headHash().flatMap(database::header).orElseThrow(
        () -> new IllegalStateException("the database has no head"));
    BlockHeader head = genesis.block().header();
    long replayStartNanos = System.nanoTime();
    for (long number = 1; number <= stored.number(); number++) {
      Block block = database.canonicalHash(number).flatMap(database::block).orElseThrow(
          () -> new IllegalStateException("the stored chain has no block at its height")).block();
      // The time the block was due, so that its votes count as they did when it came.
      long due = parameters.slotStartMillis(block.header().slot()) + parameters.slotMillis() / 2;
      Received received = core.onStoredBlock(block, due);
      if (received.verdict() != Received.Verdict.ACCEPTED) {
        throw new IllegalStateException("stored block " + number + " " + block.hash() + " does not replay: "
            + received.verdict() + " " + received.reason());
      }
      head = block.header();
      // Stored already: neither the blocks nor their trie nodes need writing again.
      core.drainExecuted();
      nodes.clearFlushed();
    }
    FinalityState storedFinality = database.finality().orElseThrow(
        () -> new IllegalStateException("the database has no finality record"));
    LOG.log(System.Logger.Level.INFO, "replayed " + stored.number() + " stored blocks in "
        + (System.nanoTime() - replayStartNanos) / 1_000_000 + " ms; finalized "
        + storedFinality.finalized().slot());
    return new ForkChoiceStore(parameters, database, nodes, core, head,
        later(core.finality(), storedFinality));
  }

  BlockHeader head() {
    return head;
  }

  FinalityState finality() {
    return finality;
  }

  Step<Received> onBlock(Block block, long nowMillis) {
    Received received = core.onBlock(block, nowMillis);
    return commit(received, nowMillis, List.of());
  }

  Step<Received> onVote(SignedVote vote, long nowMillis) {
    Received received = core.onVote(vote, nowMillis);
    return commit(received, nowMillis, List.of());
  }

  /** The slot has begun: the head may move (a late block loses its boost), and this node may propose. */
  Step<Void> onSlotStart(long slot, long nowMillis, Function<BlockHeader, CandidateTransactions> candidates) {
    long startNanos = System.nanoTime();
    List<NodeCore.Outbound> out = core.onSlotStart(slot, candidates);
    Step<Void> step = commit(null, nowMillis, out);
    return step.withProductionTime(out, System.nanoTime() - startNanos);
  }

  Step<Void> onVoteDue(long slot, long nowMillis) {
    return commit(null, nowMillis, core.onVoteDue(slot, nowMillis));
  }

  /** Moves the head to where the fork choice puts it at {@code nowMillis} (a late block's boost ends with its slot). */
  Step<Void> refresh(long nowMillis) {
    return commit(null, nowMillis, List.of());
  }

  /** Writes what the last core call changed, in one batch, then says which blocks became canonical. */
  private <T> Step<T> commit(T result, long nowMillis, List<NodeCore.Outbound> outbound) {
    List<ProducedBlock> executed = core.drainExecuted();
    Map<Hash, ProducedBlock> fresh = new HashMap<>();
    executed.forEach(block -> fresh.put(block.block().hash(), block));
    Hash newHeadHash = core.head(parameters.slotAt(nowMillis));
    FinalityState newFinality = later(core.finality(), finality);
    Map<Address, SlashingProtection> nowSigned = core.signed();
    List<ChainService.NewHead> added = new ArrayList<>();
    List<StoredBlock> dropped = new ArrayList<>();
    boolean headMoved = !newHeadHash.equals(head.hash());
    if (headMoved) {
      reorganisation(newHeadHash, fresh, added, dropped);
    }
    boolean changed = !executed.isEmpty() || headMoved || !newFinality.equals(finality)
        || !nowSigned.equals(signed);
    if (changed) {
      try (WriteBatch batch = database.store().newBatch()) {
        nodes.flushInto(batch);
        for (ProducedBlock block : executed) {
          database.writeBlock(batch, block, senders(block));
        }
        nowSigned.forEach((validator, record) -> {
          if (!record.equals(signed.get(validator))) {
            database.writeSlashingProtection(batch, validator, record);
          }
        });
        if (headMoved) {
          database.writeCanonicalChange(batch, dropped.stream().map(StoredBlock::block).toList(),
              added.stream().map(h -> h.block().block()).toList(), newHeadHash);
        }
        database.writeFinality(batch, newFinality);
        batch.commit();
      }
      nodes.clearFlushed();
    }
    signed = nowSigned;
    if (!newFinality.equals(finality)) {
      LOG.log(System.Logger.Level.DEBUG, () -> "justified " + newFinality.justified() + ", finalized slot "
          + newFinality.finalized().slot());
    }
    finality = newFinality;
    if (headMoved) {
      head = core.header(newHeadHash).orElseThrow();
      LOG.log(System.Logger.Level.DEBUG, () -> "head " + head.number() + " (slot " + head.slot() + ") " + head.hash());
      if (!dropped.isEmpty()) {
        LOG.log(System.Logger.Level.INFO, "reorganised: " + dropped.size() + " blocks dropped, head "
            + head.number() + " " + head.hash());
      }
    }
    outbound.forEach(ForkChoiceStore::logDuty);
    List<SignedVote> votes = outbound.stream().filter(NodeCore.Outbound.PublishVote.class::isInstance)
        .map(o -> ((NodeCore.Outbound.PublishVote) o).vote()).toList();
    return new Step<>(result, headMoved, added, dropped, votes);
  }

  /** What this node's validators signed, for an operator who turns on this class's debug log. */
  private static void logDuty(NodeCore.Outbound signed) {
    if (!LOG.isLoggable(System.Logger.Level.DEBUG)) {
      return;
    }
    switch (signed) {
      case NodeCore.Outbound.PublishBlock published -> LOG.log(System.Logger.Level.DEBUG, "proposed block "
          + published.block().header().number() + " in slot " + published.block().header().slot() + " on "
          + published.block().header().parentHash() + ", its chain justified at " + published.block().header()
          .justified());
      case NodeCore.Outbound.PublishVote published -> LOG.log(System.Logger.Level.DEBUG, "voted in slot "
          + published.vote().vote().slot() + " for head " + published.vote().vote().head() + ", source slot "
          + published.vote().vote().source().slot());
    }
  }

  /**
   * The blocks from the common ancestor of the stored head and {@code newHeadHash} up to it ({@code added}, oldest
   * first, with their receipts) and the stored ones above that ancestor ({@code dropped}).
   */
  private void reorganisation(Hash newHeadHash, Map<Hash, ProducedBlock> fresh, List<ChainService.NewHead> added,
      List<StoredBlock> dropped) {
    BlockHeader walk = core.header(newHeadHash).orElseThrow();
    while (database.canonicalHash(walk.number()).filter(walk.hash()::equals).isEmpty()) {
      added.add(newHead(walk.hash(), fresh));
      walk = core.header(walk.parentHash()).orElseThrow();
    }
    Collections.reverse(added);
    for (long number = walk.number() + 1; number <= head.number(); number++) {
      database.canonicalHash(number).flatMap(database::block).ifPresent(dropped::add);
    }
  }

  /** A block becoming canonical, from this step's executed blocks or the store. */
  private ChainService.NewHead newHead(Hash hash, Map<Hash, ProducedBlock> fresh) {
    ProducedBlock block = fresh.get(hash);
    if (block != null) {
      return new ChainService.NewHead(new StoredBlock(block.block(), senders(block)), block.execution().receipts(), 0);
    }
    StoredBlock stored = database.block(hash).orElseThrow(
        () -> new IllegalStateException("block " + hash + " of the chosen head is not stored"));
    List<Receipt> receipts = database.receipts(hash).orElseThrow(
        () -> new IllegalStateException("the receipts of block " + hash + " are not stored"));
    return new ChainService.NewHead(stored, receipts, 0);
  }

  private static List<Address> senders(ProducedBlock block) {
    return block.execution().transactions().stream().map(t -> t.transaction().sender()).toList();
  }

  /** The finality with the later finalized checkpoint (and its justified one). */
  private static FinalityState later(FinalityState a, FinalityState b) {
    return a.finalized().slot() >= b.finalized().slot() ? a : b;
  }
}
