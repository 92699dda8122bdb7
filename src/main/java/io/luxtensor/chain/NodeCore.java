package io.luxtensor.chain;

import io.luxtensor.consensus.BlockVoteCheck;
import io.luxtensor.consensus.FinalityState;
import io.luxtensor.consensus.FinalityTracker;
import io.luxtensor.consensus.ForkChoice;
import io.luxtensor.consensus.SlashingProtection;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.execution.BlockExecutor;
import io.luxtensor.execution.CandidateTransactions;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.state.WorldState;
import io.luxtensor.trie.NodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.SlashingEvidence;
import io.luxtensor.types.Vote;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One node of a multi-validator chain, as pure logic: it imports blocks and votes from peers, keeps the block tree,
 * the fork choice and finality, and for each validator key it holds (any number, none for a node that only
 * follows) proposes in the key's slots and votes once a slot, never signing anything slashable. It collects evidence of equivocations it sees and puts it in its next block.
 *
 * <p>Driven by its caller: time comes in as milliseconds, messages as arguments, and what the node wants published
 * comes back as {@link Outbound} messages. The caller persists {@link #signed()} before it publishes a signature
 * (see {@code ChainService}). Deterministic for a given sequence of calls: the simulator relies on it.
 */
public final class NodeCore {
  /** Blocks whose parent has not arrived, kept for when it does; the oldest go first beyond this. */
  static final int ORPHANS_MAX = 256;
  /** Votes for a head not yet seen, kept for when it arrives; the oldest go first beyond this. */
  static final int WAITING_VOTES_MAX = 1024;
  /** Votes older than this many slots are ignored, and the trackers of doubles forget them, so memory stays bounded. */
  static final long MEMORY_SLOTS = 64;

  /** A message the node wants sent to its peers. */
  public sealed interface Outbound {
    record PublishBlock(Block block) implements Outbound {}

    record PublishVote(SignedVote vote) implements Outbound {}
  }

  private final ChainParameters parameters;
  private final ValidatorSchedule schedule;
  /** This node's validators' producers, by address. */
  private final Map<Address, BlockProducer> producers = new TreeMap<>();
  private final Map<Address, ValidatorKeys> keys = new TreeMap<>();
  private final NodeStore nodes;
  private final BlockImporter importer;
  private final Map<Hash, BlockHeader> headers = new HashMap<>();
  private final ForkChoice forkChoice;
  private final FinalityTracker finality;
  /** What each of this node's validators has signed. */
  private final Map<Address, SlashingProtection> signed = new TreeMap<>();
  private final Deque<Block> orphans = new ArrayDeque<>();
  private final Deque<SignedVote> waitingVotes = new ArrayDeque<>();
  /** Votes already handled, by slot. */
  private final TreeMap<Long, Set<Hash>> seenVotes = new TreeMap<>();
  /** Valid votes by (slot, validator), for inclusion in the blocks this node proposes. */
  private final TreeMap<Long, Map<Address, SignedVote>> recentVotes = new TreeMap<>();
  /** The first vote seen per (target slot, validator), and the first header per (slot, proposer): to spot doubles. */
  private final TreeMap<Long, Map<Address, SignedVote>> votesByTarget = new TreeMap<>();
  private final TreeMap<Long, Map<Address, BlockHeader>> headersByProposerSlot = new TreeMap<>();
  private final Map<Address, SlashingEvidence> evidenceToInclude = new TreeMap<>();
  private final Map<Address, SlashingEvidence> evidenceOnChain = new TreeMap<>();

  /** Transactions submitted to this node, kept until a block it accepts includes them. */
  private final Map<Hash, RecoveredTransaction> pendingTransactions = new LinkedHashMap<>();

  public NodeCore(Genesis.GenesisBlock genesis, ChainParameters parameters, ValidatorSchedule schedule,
      List<ValidatorKeys> keys, BlockExecutor executor, NodeStore nodes, Map<Address, SlashingProtection> signed) {
    this.parameters = parameters;
    this.schedule = schedule;
    this.nodes = nodes;
    for (ValidatorKeys key : keys) {
      this.keys.put(key.address(), key);
      this.producers.put(key.address(), new BlockProducer(parameters, key, executor, schedule));
      this.signed.put(key.address(), signed.getOrDefault(key.address(), SlashingProtection.NOTHING_SIGNED));
    }
    BlockHeader genesisHeader = genesis.block().header();
    headers.put(genesisHeader.hash(), genesisHeader);
    this.importer = new BlockImporter(parameters, schedule, executor, hash -> Optional.ofNullable(headers.get(hash)));
    Checkpoint anchor = new Checkpoint(genesisHeader.slot(), genesisHeader.hash());
    ValidatorSet genesisValidators = schedule.at(genesisHeader, genesisHeader.slot());
    this.forkChoice = new ForkChoice(anchor, genesisValidators.totalStake());
    this.finality = new FinalityTracker(genesisValidators, FinalityState.atGenesis(anchor));
  }

  /** At the start of {@code slot}: the block this node proposes, if the slot is one of its validators'. */
  public List<Outbound> onSlotStart(long slot) {
    if (keys.isEmpty()) {
      return List.of();
    }
    BlockHeader parent = headers.get(forkChoice.head(slot));
    forkChoice.onValidatorSetChanged(schedule.at(parent, slot).totalStake());
    if (slot <= parent.slot()) {
      return List.of();
    }
    Address proposer = importer.scheduledProposer(parent, slot).address();
    if (!keys.containsKey(proposer) || signed.get(proposer).checkBlock(slot).isPresent()) {
      return List.of();
    }
    ProducedBlock produced = producers.get(proposer).produce(parent, slot, WorldState.at(nodes, parent.stateRoot()),
        finality.state(), CandidateTransactions.of(List.copyOf(pendingTransactions.values())),
        votesToInclude(slot, parent.slot()),
        List.copyOf(evidenceToInclude.values()), nodes);
    signed.put(proposer, signed.get(proposer).withBlock(slot));
    Block block = produced.block();
    accept(block, slot, true);
    return List.of(new Outbound.PublishBlock(block));
  }

  /**
   * A third into {@code slot}: this node's vote for the head it sees, its target the slot's checkpoint (the head,
   * whether or not a block was made in the slot), unless it is not a validator of the slot or signing it could be
   * slashable.
   */
  public List<Outbound> onVoteDue(long slot, long nowMillis) {
    if (keys.isEmpty()) {
      return List.of();
    }
    Hash head = forkChoice.head(slot);
    ValidatorSet validators = validatorsOfSlot(headers.get(head), slot);
    Checkpoint source = finality.state().justified();
    Checkpoint target = new Checkpoint(slot, head);
    if (target.slot() <= source.slot()) {
      return List.of();
    }
    List<Outbound> votes = new ArrayList<>();
    for (ValidatorKeys key : keys.values()) {
      Address validator = key.address();
      if (validators.find(validator).isEmpty()
          || signed.get(validator).checkVote(source.slot(), target.slot()).isPresent()) {
        continue;
      }
      SignedVote vote = new Vote(slot, head, source, target).sign(parameters.chainId(), key.signingKey());
      signed.put(validator, signed.get(validator).withVote(source.slot(), target.slot()));
      onVote(vote, nowMillis);
      votes.add(new Outbound.PublishVote(vote));
    }
    return votes;
  }

  /** A block from a peer: imported if valid, kept if its parent is missing, dropped otherwise. */
  public void onBlock(Block block, long nowMillis) {
    Deque<Block> pending = new ArrayDeque<>(List.of(block));
    while (!pending.isEmpty()) {
      Block next = pending.removeFirst();
      if (headers.containsKey(next.hash())) {
        continue;
      }
      BlockHeader parent = headers.get(next.header().parentHash());
      if (parent == null) {
        keepOrphan(next);
        continue;
      }
      ImportResult result = importer.importBlock(next, parent, WorldState.at(nodes, parent.stateRoot()), nowMillis,
          nodes);
      if (result instanceof ImportResult.Imported) {
        long currentSlot = parameters.slotAt(nowMillis);
        boolean timely = next.header().slot() == currentSlot
            && nowMillis - parameters.slotStartMillis(currentSlot) < parameters.slotMillis() / 3;
        accept(next, currentSlot, timely);
        for (SignedVote vote : next.votes()) {
          onVote(vote, nowMillis);
        }
        retryWaitingVotes(nowMillis);
        orphans.removeIf(orphan -> {
          if (orphan.header().parentHash().equals(next.hash())) {
            pending.addLast(orphan);
            return true;
          }
          return false;
        });
      }
    }
  }

  /** A vote from a peer or from a block: counted if valid, kept if its head is not known yet. */
  public void onVote(SignedVote vote, long nowMillis) {
    long currentSlot = parameters.slotAt(nowMillis);
    long slot = vote.vote().slot();
    // A vote from a slot that has not begun, or too old to matter, is dropped before anything is kept of it.
    if (slot > currentSlot || slot < currentSlot - MEMORY_SLOTS) {
      return;
    }
    forget(currentSlot);
    // The whole signed vote identifies it: copies with another signature must not shadow the real one.
    Hash id = Hash.keccak(Rlp.encode(vote.toRlp()));
    if (seenVotes.getOrDefault(slot, Set.of()).contains(id)) {
      return;
    }
    BlockHeader head = headers.get(vote.vote().head());
    BlockHeader source = headers.get(vote.vote().source().blockHash());
    if (head == null || source == null) {
      keepWaiting(vote);
      return;
    }
    ValidatorSet validators = validatorsOfSlot(head, slot);
    Optional<Validator> validator = validators.find(vote.validator());
    if (validator.isEmpty() || BlockVoteCheck.problem(List.of(vote), slot + 1, slot, voteSlot -> validators,
        parameters.chainId()).isPresent() || head.slot() > slot || source.slot() > vote.vote().source().slot()) {
      return;
    }
    // Only a source at or after the finalized checkpoint can still count, and only then is the walk worth its cost.
    boolean forFinality = vote.vote().source().slot() >= finality.state().finalized().slot();
    if (forFinality && !descends(head, source)) {
      return;
    }
    seenVotes.computeIfAbsent(slot, s -> new TreeSet<>()).add(id);
    noteSlashableVote(vote);
    forkChoice.onVote(vote.validator(), validator.get().stake().value(), vote.vote().slot(), vote.vote().head(),
        currentSlot);
    FinalityState before = finality.state();
    FinalityState after = forFinality ? finality.onVote(vote, validators) : before;
    // A checkpoint justified off the finalized chain has been pruned from the tree: it can no longer lead the head.
    if (!after.justified().equals(before.justified()) && forkChoice.contains(after.justified().blockHash())) {
      forkChoice.onJustified(after.justified());
    }
    if (!after.finalized().equals(before.finalized()) && forkChoice.contains(after.finalized().blockHash())) {
      forkChoice.onFinalized(after.finalized());
    }
    recentVotes.computeIfAbsent(vote.vote().slot(), s -> new TreeMap<>()).putIfAbsent(vote.validator(), vote);
  }

  /**
   * The set of {@code slot}'s epoch on the chain ending at {@code head}: the set {@code head} itself was made with if
   * it is of that slot, since a block's own transactions do not change the set of its slot.
   */
  private ValidatorSet validatorsOfSlot(BlockHeader head, long slot) {
    BlockHeader parent = head.slot() == slot && head.number() > 0 ? headers.get(head.parentHash()) : head;
    return schedule.at(parent, slot);
  }

  /**
   * Whether {@code block} is {@code ancestor} or descends from it. A vote linking a source to a target off its
   * branch would let finality skip from one branch to another with no slashable vote, so such a vote is not counted.
   */
  private boolean descends(BlockHeader block, BlockHeader ancestor) {
    BlockHeader walk = block;
    while (walk != null && walk.slot() > ancestor.slot()) {
      walk = headers.get(walk.parentHash());
    }
    return walk != null && walk.hash().equals(ancestor.hash());
  }

  /** Drops what is too old to matter: seen votes, double-vote and equivocation trackers, inclusion candidates. */
  private void forget(long currentSlot) {
    long oldest = currentSlot - MEMORY_SLOTS;
    seenVotes.headMap(oldest).clear();
    votesByTarget.headMap(oldest).clear();
    headersByProposerSlot.headMap(oldest).clear();
    recentVotes.headMap(oldest).clear();
  }

  public Hash head(long slot) {
    return forkChoice.head(slot);
  }

  /** The state after this node's head in {@code slot}, to read (a snapshot: changing it changes nothing here). */
  public WorldState headState(long slot) {
    return WorldState.at(nodes, headers.get(forkChoice.head(slot)).stateRoot());
  }

  /** The validator set of {@code slot}'s epoch on this node's head. */
  public ValidatorSet validators(long slot) {
    return schedule.at(headers.get(forkChoice.head(slot)), slot);
  }

  public FinalityState finality() {
    return finality.state();
  }

  public Optional<BlockHeader> header(Hash hash) {
    return Optional.ofNullable(headers.get(hash));
  }

  /** What each of this node's validators has signed: the caller persists it before publishing what it signed. */
  public Map<Address, SlashingProtection> signed() {
    return Map.copyOf(signed);
  }

  /** The parents of blocks held back because they are missing: what sync should fetch from peers. */
  public List<Hash> missingBlocks() {
    return orphans.stream().map(orphan -> orphan.header().parentHash()).filter(parent -> !headers.containsKey(parent))
        .distinct().sorted().toList();
  }

  /** The validators against whom evidence is in a block this node imported or made. */
  public List<Address> offendersOnChain() {
    return List.copyOf(evidenceOnChain.keySet());
  }

  /** A transaction for this node to include when it proposes (the simulator's stand-in for a pool). */
  public void submit(RecoveredTransaction transaction) {
    pendingTransactions.put(transaction.transaction().hash(), transaction);
  }

  private void accept(Block block, long currentSlot, boolean timely) {
    BlockHeader header = block.header();
    headers.put(header.hash(), header);
    block.transactions().forEach(transaction -> pendingTransactions.remove(transaction.hash()));
    forkChoice.onBlock(header.hash(), header.parentHash(), header.slot(), header.justified(),
        Math.max(currentSlot, header.slot()), timely);
    for (SlashingEvidence evidence : block.evidence()) {
      evidenceOnChain.putIfAbsent(evidence.offender(), evidence);
      evidenceToInclude.remove(evidence.offender());
      forkChoice.onEquivocation(evidence.offender());
    }
    BlockHeader first = headersByProposerSlot.computeIfAbsent(header.slot(), s -> new TreeMap<>())
        .putIfAbsent(header.proposer(), header);
    if (first != null && !first.hash().equals(header.hash())) {
      noteEquivocation(new SlashingEvidence.ProposerEquivocation(first, header));
    }
  }

  /** Spots a second vote for a target, or one surrounding or surrounded by an earlier vote of the validator. */
  private void noteSlashableVote(SignedVote vote) {
    Vote v = vote.vote();
    for (Map<Address, SignedVote> byValidator : votesByTarget.values()) {
      SignedVote earlier = byValidator.get(vote.validator());
      if (earlier == null) {
        continue;
      }
      Vote e = earlier.vote();
      if (e.source().slot() < v.source().slot() && v.target().slot() < e.target().slot()) {
        noteEquivocation(new SlashingEvidence.SurroundVote(earlier, vote));
        return;
      }
      if (v.source().slot() < e.source().slot() && e.target().slot() < v.target().slot()) {
        noteEquivocation(new SlashingEvidence.SurroundVote(vote, earlier));
        return;
      }
    }
    SignedVote first = votesByTarget.computeIfAbsent(v.target().slot(), s -> new TreeMap<>())
        .putIfAbsent(vote.validator(), vote);
    if (first != null && !first.vote().equals(v)) {
      noteEquivocation(new SlashingEvidence.DoubleVote(first, vote));
    }
  }

  private void noteEquivocation(SlashingEvidence evidence) {
    noteEvidence(evidence);
    forkChoice.onEquivocation(evidence.offender());
  }

  private void noteEvidence(SlashingEvidence evidence) {
    if (!evidenceOnChain.containsKey(evidence.offender())) {
      evidenceToInclude.putIfAbsent(evidence.offender(), evidence);
    }
  }

  /**
   * The votes a block in {@code slot} carries: those of the last slots, and all since its parent's slot, so that
   * votes cast while a branch had no blocks still reach its chain (justification must be recomputable from it).
   */
  private List<SignedVote> votesToInclude(long slot, long parentSlot) {
    Map<String, SignedVote> included = new LinkedHashMap<>();
    recentVotes.subMap(Math.min(slot - BlockVoteCheck.INCLUSION_SLOTS, parentSlot), true, slot, false).forEach((voteSlot, byValidator) ->
        byValidator.forEach((validator, vote) -> included.putIfAbsent(validator + "@" + voteSlot, vote)));
    return List.copyOf(included.values());
  }

  private void keepOrphan(Block block) {
    if (orphans.size() >= ORPHANS_MAX) {
      orphans.removeFirst();
    }
    orphans.addLast(block);
  }

  private void retryWaitingVotes(long nowMillis) {
    List<SignedVote> retry = new ArrayList<>(waitingVotes);
    waitingVotes.clear();
    retry.forEach(vote -> onVote(vote, nowMillis));
  }

  private void keepWaiting(SignedVote vote) {
    if (waitingVotes.size() >= WAITING_VOTES_MAX) {
      waitingVotes.removeFirst();
    }
    waitingVotes.addLast(vote);
  }
}
