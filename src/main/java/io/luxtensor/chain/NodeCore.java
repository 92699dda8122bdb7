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
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

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
  /** One validator's votes waiting at most: a validator sending junk cannot push the others' out. */
  static final int WAITING_VOTES_PER_VALIDATOR = 8;
  /** One proposer's blocks waiting for their parent at most, for the same reason. */
  static final int ORPHANS_PER_PROPOSER = 32;
  /** Votes older than this many slots are ignored, and the trackers of doubles forget them, so memory stays bounded. */
  static final long MEMORY_SLOTS = 64;
  static final int VOTES_KEPT_PER_VALIDATOR_SLOT = 4;

  /**
   * What became of a block or vote from a peer, with the reason when it was not accepted: what the network layer
   * scores its sender by, and logs.
   */
  public record Received(Verdict verdict, String reason) {
    static final Received ACCEPTED = new Received(Verdict.ACCEPTED, "");
    static final Received ALREADY_KNOWN = new Received(Verdict.ALREADY_KNOWN, "");

    public enum Verdict {
      ACCEPTED,
      ALREADY_KNOWN,
      /** Kept until the block it builds on or votes for arrives: sync should fetch it. */
      WAITING,
      /** Valid perhaps, but of no use now (a slot far from the present, a full buffer): not the sender's fault. */
      IGNORED,
      /** Invalid: the sender sent something no honest node sends. */
      REJECTED
    }

    static Received waiting(String reason) {
      return new Received(Verdict.WAITING, reason);
    }

    static Received ignored(String reason) {
      return new Received(Verdict.IGNORED, reason);
    }

    static Received rejected(String reason) {
      return new Received(Verdict.REJECTED, reason);
    }
  }

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
  /**
   * The newest finality any block this node accepted proves (its chain's votes): what the fork choice starts from and
   * the node serves. Votes from gossip alone never move it, as in Ethereum, where the store's checkpoints come from
   * block states: a justification no block can prove would leave every later block unable to lead the fork choice.
   */
  private FinalityState finality;
  /**
   * Finality from the votes each block's chain carries, by block: what its header must claim, so that any node can
   * check it from the chain alone. Forgotten for blocks far behind the finalized one.
   */
  private final Map<Hash, FinalityTracker> chainFinality = new HashMap<>();
  /** What each of this node's validators has signed. */
  private final Map<Address, SlashingProtection> signed = new TreeMap<>();
  /** Blocks waiting for their parent, by hash, oldest first. */
  private final LinkedHashMap<Hash, Block> orphans = new LinkedHashMap<>();
  private final Deque<SignedVote> waitingVotes = new ArrayDeque<>();
  /** Votes already handled, by slot. */
  private final TreeMap<Long, Set<Hash>> seenVotes = new TreeMap<>();
  /**
   * Valid votes by (slot, validator), for inclusion in the blocks this node proposes: a validator that voted twice
   * in a slot (slashable, but its votes still count) has each, up to {@value #VOTES_KEPT_PER_VALIDATOR_SLOT}, so
   * that a block can carry the one its branch needs.
   */
  private final TreeMap<Long, Map<Address, List<SignedVote>>> recentVotes = new TreeMap<>();
  /** The first vote seen per (target slot, validator), and the first header per (slot, proposer): to spot doubles. */
  private final TreeMap<Long, Map<Address, SignedVote>> votesByTarget = new TreeMap<>();
  private final TreeMap<Long, Map<Address, BlockHeader>> headersByProposerSlot = new TreeMap<>();
  /** Evidence this node holds, by offender, until a finalized block carries evidence against it. */
  private final Map<Address, SlashingEvidence> evidenceToInclude = new TreeMap<>();
  /** Evidence seen in any block this node accepted, whichever branch it is on. */
  private final Map<Address, SlashingEvidence> evidenceOnChain = new TreeMap<>();
  /**
   * The offenders each block carries evidence against, for the blocks that carry any: whether a branch already holds
   * evidence depends on the branch, since a block that carried it can be left behind by a reorganisation.
   */
  private final Map<Hash, List<Address>> offendersCarried = new HashMap<>();
  /** Offenders a finalized block carries evidence against: slashed on every branch still possible, and only once. */
  private final Set<Address> offendersSettled = new TreeSet<>();

  /** The validators {@link #filterValidators} found, for which slot and how many known blocks. */
  private ValidatorSet filter;
  private long filterSlot = -1;
  private int filterBlocks;

  /** Transactions submitted to this node, kept until a block it accepts includes them. */
  private final Map<Hash, RecoveredTransaction> pendingTransactions = new LinkedHashMap<>();
  /** Blocks made or imported since {@link #drainExecuted} last ran, with receipts and state: for a node that stores them. */
  private final List<ProducedBlock> executed = new ArrayList<>();
  private final boolean keepExecuted;

  public NodeCore(Genesis.GenesisBlock genesis, ChainParameters parameters, ValidatorSchedule schedule,
      List<ValidatorKeys> keys, BlockExecutor executor, NodeStore nodes, Map<Address, SlashingProtection> signed) {
    this(genesis, parameters, schedule, keys, executor, nodes, signed, false);
  }

  /**
   * @param keepExecuted whether to keep every block made or imported, with its receipts, until
   *     {@link #drainExecuted()}: a node that stores its blocks needs them; the simulator does not
   */
  public NodeCore(Genesis.GenesisBlock genesis, ChainParameters parameters, ValidatorSchedule schedule,
      List<ValidatorKeys> keys, BlockExecutor executor, NodeStore nodes, Map<Address, SlashingProtection> signed,
      boolean keepExecuted) {
    this.keepExecuted = keepExecuted;
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
    this.finality = FinalityState.atGenesis(anchor);
    chainFinality.put(genesisHeader.hash(), new FinalityTracker(genesisValidators, finality));
  }

  /** At the start of {@code slot}: the block this node proposes, if the slot is one of its validators'. */
  public List<Outbound> onSlotStart(long slot) {
    return onSlotStart(slot, parent -> CandidateTransactions.of(List.copyOf(pendingTransactions.values())));
  }

  /**
   * As {@link #onSlotStart(long)}, with the transactions offered by the caller's pool for the block built on
   * {@code parent} (the head this node chose), instead of those {@link #submit submitted} here.
   */
  public List<Outbound> onSlotStart(long slot, Function<BlockHeader, CandidateTransactions> candidates) {
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
    List<SignedVote> votes = votesToInclude(slot, parent);
    FinalityTracker proven = chainFinalityAfter(parent, slot, votes).orElseThrow();
    ProducedBlock produced = producers.get(proposer).produce(parent, slot, WorldState.at(nodes, parent.stateRoot()),
        proven.state(), candidates.apply(parent), votes,
        evidenceToCarry(parent, slot), nodes);
    chainFinality.put(produced.block().hash(), proven);
    signed.put(proposer, signed.get(proposer).withBlock(slot));
    keepExecuted(produced);
    Block block = produced.block();
    accept(block, slot, true);
    adoptProvenFinality(block);
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
    BlockHeader headHeader = headers.get(head);
    ValidatorSet validators = validatorsOfSlot(headHeader, slot);
    Checkpoint source = justifiedOnChainOf(headHeader);
    Checkpoint target = new Checkpoint(slot, head);
    if (target.slot() <= source.slot()) {
      return List.of();
    }
    List<Outbound> votes = new ArrayList<>();
    for (ValidatorKeys key : keys.values()) {
      Address validator = key.address();
      if (validators.find(validator).isEmpty()
          || signed.get(validator).checkVoteFromJustified(source.slot(), target.slot(), headHeader.slot())
              .isPresent()) {
        continue;
      }
      SignedVote vote = new Vote(slot, head, source, target).sign(parameters.chainId(), key.signingKey());
      signed.put(validator, signed.get(validator).withVote(source.slot(), target.slot()));
      onVote(vote, nowMillis);
      votes.add(new Outbound.PublishVote(vote));
    }
    return votes;
  }

  /**
   * A block from a peer: imported if valid (then the blocks that waited for it too), kept if its parent is missing
   * and a validator signed it, refused otherwise. A refused block changes nothing.
   */
  public Received onBlock(Block block, long nowMillis) {
    if (headers.containsKey(block.hash())) {
      return Received.ALREADY_KNOWN;
    }
    // Early by this node's clock, which may be the one that is wrong: not the sender's fault, and it comes again
    // (as the parent of a later block) once its slot has begun here.
    if (parameters.slotStartMillis(block.header().slot()) > nowMillis + BlockImporter.CLOCK_DISPARITY_MILLIS_MAX) {
      return Received.ignored("a block for slot " + block.header().slot() + ", which has not begun on this node's "
          + "clock");
    }
    BlockHeader parent = headers.get(block.header().parentHash());
    if (parent == null) {
      return keepOrphan(block, nowMillis);
    }
    Received received = importOnto(block, parent, nowMillis);
    if (received.verdict() != Received.Verdict.ACCEPTED) {
      return received;
    }
    Deque<Block> imported = new ArrayDeque<>(List.of(block));
    while (!imported.isEmpty()) {
      Block next = imported.removeFirst();
      onImported(next, nowMillis);
      List<Block> children = orphans.values().stream()
          .filter(orphan -> orphan.header().parentHash().equals(next.hash())).toList();
      children.forEach(child -> orphans.remove(child.hash()));
      for (Block child : children) {
        if (!headers.containsKey(child.hash())
            && importOnto(child, next.header(), nowMillis).verdict() == Received.Verdict.ACCEPTED) {
          imported.addLast(child);
        }
      }
    }
    return Received.ACCEPTED;
  }

  /**
   * A block this node accepted and stored before it restarted, taken back as it came: its header's finality is
   * checked against its chain's votes and its votes counted, but it is not executed again, nor are its proposer's
   * signature, VRF proof and vote signatures checked: its state is stored, and it passed those checks on arrival. A
   * restart then costs counting the votes, not the execution of the whole stored chain.
   */
  public Received onStoredBlock(Block block, long nowMillis) {
    BlockHeader parent = headers.get(block.header().parentHash());
    if (parent == null) {
      return Received.rejected("its parent " + block.header().parentHash() + " is not known");
    }
    Received received = checkFinalityAndImport(block, parent, nowMillis, false);
    if (received.verdict() == Received.Verdict.ACCEPTED) {
      onImported(block, nowMillis);
    }
    return received;
  }

  /**
   * Checks and executes {@code block} on {@code parent}: first that its header claims the finality its chain's votes
   * prove, which costs no execution, then everything else ({@link BlockImporter}).
   */
  private Received importOnto(Block block, BlockHeader parent, long nowMillis) {
    return checkFinalityAndImport(block, parent, nowMillis, true);
  }

  private Received checkFinalityAndImport(Block block, BlockHeader parent, long nowMillis, boolean execute) {
    BlockHeader header = block.header();
    Optional<FinalityTracker> proven = chainFinalityAfter(parent, header.slot(), block.votes());
    if (proven.isEmpty()) {
      return Received.ignored("it builds on " + parent.hash() + ", far behind the finalized block");
    }
    FinalityState claimed = new FinalityState(header.justified(), header.finalized());
    if (!claimed.equals(proven.get().state())) {
      return Received.rejected(BlockInvalidReason.WRONG_FINALITY.message() + ": it claims " + claimed
          + ", its chain's votes prove " + proven.get().state());
    }
    if (!execute) {
      chainFinality.put(block.hash(), proven.get());
      return Received.ACCEPTED;
    }
    ImportResult result = importer.importBlock(block, parent, WorldState.at(nodes, parent.stateRoot()), nowMillis,
        nodes);
    if (result instanceof ImportResult.Rejected rejected) {
      return Received.rejected(rejected.message());
    }
    chainFinality.put(block.hash(), proven.get());
    keepExecuted(((ImportResult.Imported) result).block());
    return Received.ACCEPTED;
  }

  private void keepExecuted(ProducedBlock block) {
    if (keepExecuted) {
      executed.add(block);
    }
  }

  /**
   * The blocks made or imported since the last call, in the order they were executed (a parent before its children),
   * with their receipts and state changes; empty unless this node was made to keep them.
   */
  public List<ProducedBlock> drainExecuted() {
    List<ProducedBlock> drained = List.copyOf(executed);
    executed.clear();
    return drained;
  }

  /**
   * The finality proven by the votes of the chain ending at {@code parent} and of {@code votes}, carried by its child
   * in {@code slot}; empty if {@code parent} is so far behind the finalized block that this node forgot its finality.
   * Votes for blocks off this chain count for nothing here: the chain alone must prove it.
   */
  private Optional<FinalityTracker> chainFinalityAfter(BlockHeader parent, long slot, List<SignedVote> votes) {
    Hash parentHash = parent.hash();
    FinalityTracker ofParent = chainFinality.get(parentHash);
    if (ofParent == null) {
      return Optional.empty();
    }
    FinalityTracker proven = ofParent.copy();
    for (SignedVote signed : votes) {
      Vote vote = signed.vote();
      BlockHeader head = headers.get(vote.head());
      BlockHeader source = headers.get(vote.source().blockHash());
      if (vote.slot() < slot && head != null && source != null && head.slot() <= vote.slot()
          && source.slot() <= vote.source().slot() && descends(parentHash, vote.head())
          && descends(vote.head(), vote.source().blockHash())) {
        proven.onVote(signed, validatorsOfSlot(head, vote.slot()));
      }
    }
    return Optional.of(proven);
  }

  /**
   * The justified checkpoint {@code head}'s chain proves: what this node's votes on it take as source, as an Ethereum
   * attestation takes its head state's. Any block on the head can then count them, however long no block came
   * (a source proven only by votes a node holds would be lost with them); and a late block costs one slot's
   * finalization, not more.
   */
  private Checkpoint justifiedOnChainOf(BlockHeader head) {
    FinalityTracker proven = chainFinality.get(head.hash());
    return proven == null ? finality.justified() : proven.state().justified();
  }

  private void onImported(Block block, long nowMillis) {
    long currentSlot = parameters.slotAt(nowMillis);
    boolean timely = block.header().slot() == currentSlot
        && nowMillis - parameters.slotStartMillis(currentSlot) < parameters.slotMillis() / 3;
    accept(block, currentSlot, timely);
    for (SignedVote vote : block.votes()) {
      countVote(vote, nowMillis, false);
    }
    adoptProvenFinality(block);
    retryWaitingVotes(nowMillis);
  }

  /**
   * A vote from a peer or from a block: counted if valid, kept if its head or source block is not known yet and a
   * validator signed it, refused otherwise. A refused vote changes nothing.
   */
  public Received onVote(SignedVote vote, long nowMillis) {
    return countVote(vote, nowMillis, true);
  }

  /**
   * As {@link #onVote}; {@code checkSignature} false for a vote of a block whose votes' signatures were checked on
   * import (or before it was stored).
   */
  private Received countVote(SignedVote vote, long nowMillis, boolean checkSignature) {
    long currentSlot = parameters.slotAt(nowMillis);
    long slot = vote.vote().slot();
    // A vote from a slot that has not begun, or too old to matter, is dropped before anything is kept of it.
    if (slot > currentSlot || slot < currentSlot - MEMORY_SLOTS) {
      return Received.ignored("a vote for slot " + slot + ", not one from slot " + (currentSlot - MEMORY_SLOTS)
          + " to the current " + currentSlot);
    }
    forget(currentSlot);
    // The whole signed vote identifies it: copies with another signature must not shadow the real one.
    Hash id = Hash.keccak(Rlp.encode(vote.toRlp()));
    if (seenVotes.getOrDefault(slot, Set.of()).contains(id)) {
      return Received.ALREADY_KNOWN;
    }
    BlockHeader head = headers.get(vote.vote().head());
    BlockHeader source = headers.get(vote.vote().source().blockHash());
    if (head == null || source == null) {
      return keepWaiting(vote, nowMillis);
    }
    ValidatorSet validators = validatorsOfSlot(head, slot);
    Optional<Validator> validator = validators.find(vote.validator());
    Optional<String> problem = BlockVoteCheck.problem(List.of(vote), slot + 1, slot, voteSlot -> validators,
        parameters.chainId(), checkSignature);
    if (problem.isPresent()) {
      return Received.rejected(problem.get());
    }
    if (head.slot() > slot) {
      return Received.rejected("its head is from slot " + head.slot() + ", after the vote's slot " + slot);
    }
    if (source.slot() > vote.vote().source().slot()) {
      return Received.rejected("its source block is from slot " + source.slot() + ", after its checkpoint's slot");
    }
    // Only a source at or after the finalized checkpoint can still count, and only then is the walk worth its cost.
    boolean forFinality = vote.vote().source().slot() >= finality.finalized().slot();
    if (forFinality && !descends(vote.vote().head(), vote.vote().source().blockHash())) {
      return Received.rejected("its target does not descend from its source");
    }
    seenVotes.computeIfAbsent(slot, s -> new TreeSet<>()).add(id);
    noteSlashableVote(vote);
    forkChoice.onVote(vote.validator(), validator.orElseThrow().stake().value(), vote.vote().slot(),
        vote.vote().head(), currentSlot);
    List<SignedVote> ofValidator = recentVotes.computeIfAbsent(vote.vote().slot(), s -> new TreeMap<>())
        .computeIfAbsent(vote.validator(), v -> new ArrayList<>(1));
    if (ofValidator.size() < VOTES_KEPT_PER_VALIDATOR_SLOT) {
      ofValidator.add(vote);
    }
    return Received.ACCEPTED;
  }

  private void onFinalityMoved(FinalityState before, FinalityState after) {
    // A checkpoint justified off the finalized chain has been pruned from the tree: it can no longer lead the head.
    if (!after.justified().equals(before.justified()) && forkChoice.contains(after.justified().blockHash())) {
      forkChoice.onJustified(after.justified());
    }
    if (!after.finalized().equals(before.finalized()) && forkChoice.contains(after.finalized().blockHash())) {
      forkChoice.onFinalized(after.finalized());
      forgetFinalizedEvidence(before.finalized(), after.finalized());
      // By the finalized block's slot, not its checkpoint's: while no block comes, checkpoints of later slots can
      // still name it, and it must keep what a block built on it needs.
      long forgetBefore = headers.get(after.finalized().blockHash()).slot() - MEMORY_SLOTS;
      // Blocks imported but not yet accepted have no header here yet, and are recent anyway.
      chainFinality.keySet().removeIf(block -> headers.containsKey(block) && headers.get(block).slot() < forgetBefore);
      offendersCarried.keySet().removeIf(block -> headers.get(block).slot() < forgetBefore);
    }
  }

  /**
   * Takes from the finality {@code block}'s chain proves each checkpoint that is newer than this node's, the justified
   * and the finalized one apart, as Ethereum's fork-choice store does. Taking both only when neither was older could
   * leave the two halves of a healed split each holding its own branch's justification (one side's chain ahead in
   * justified, the other's in finalized), each fork choice then ruling out the other's branch for good.
   */
  private void adoptProvenFinality(Block block) {
    FinalityTracker proven = chainFinality.get(block.hash());
    if (proven == null) {
      return;
    }
    FinalityState before = finality;
    finality = new FinalityState(newer(proven.state().justified(), before.justified()),
        newer(proven.state().finalized(), before.finalized()));
    onFinalityMoved(before, finality);
  }

  /** {@code candidate} if it is of a later slot than {@code held}, else {@code held}. */
  private static Checkpoint newer(Checkpoint candidate, Checkpoint held) {
    return candidate.slot() > held.slot() ? candidate : held;
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
  private boolean descends(Hash block, Hash ancestor) {
    BlockHeader target = headers.get(ancestor);
    if (target == null) {
      return false;
    }
    // By the parent hashes the headers carry: hashing each header on the way is the cost of a replay otherwise.
    Hash walk = block;
    BlockHeader header = headers.get(walk);
    while (header != null && header.slot() > target.slot()) {
      walk = header.parentHash();
      header = headers.get(walk);
    }
    return header != null && walk.equals(ancestor);
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

  /**
   * The proposer of {@code slot} on this node's chain (that of its head in {@code slot}): nodes that agree on the chain
   * up to the end of the epoch two before {@code slot}'s agree on it.
   */
  public Address proposerOf(long slot) {
    BlockHeader parent = headers.get(forkChoice.head(slot));
    while (parent.slot() >= slot && parent.number() > 0) {
      parent = headers.get(parent.parentHash());
    }
    return importer.scheduledProposer(parent, slot).address();
  }

  /** The validator set of {@code slot}'s epoch on this node's head. */
  public ValidatorSet validators(long slot) {
    return schedule.at(headers.get(forkChoice.head(slot)), slot);
  }

  public FinalityState finality() {
    return finality;
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
    return orphans.values().stream().map(orphan -> orphan.header().parentHash()).filter(parent -> !headers.containsKey(parent))
        .distinct().sorted().toList();
  }

  /** How many votes wait for their blocks (bounded: see {@link #WAITING_VOTES_PER_VALIDATOR}). */
  int waitingVoteCount() {
    return waitingVotes.size();
  }

  /** How many of {@code validator}'s votes wait for their blocks. */
  long waitingVotesOf(Address validator) {
    return waitingVotes.stream().filter(vote -> vote.validator().equals(validator)).count();
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
      noteEvidence(evidence);
      forkChoice.onEquivocation(evidence.offender());
    }
    if (!block.evidence().isEmpty()) {
      offendersCarried.put(header.hash(), block.evidence().stream().map(SlashingEvidence::offender).toList());
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
    if (!offendersSettled.contains(evidence.offender())) {
      evidenceToInclude.putIfAbsent(evidence.offender(), evidence);
    }
  }

  /**
   * The evidence a block on {@code parent} in {@code slot} carries: what this node holds against offenders that
   * {@code parent}'s chain, back to the finalized block, carries no evidence against yet. Evidence in a finalized
   * block is dropped as finality passes it ({@link #forgetFinalizedEvidence}).
   */
  private List<SlashingEvidence> evidenceToCarry(BlockHeader parent, long slot) {
    if (evidenceToInclude.isEmpty()) {
      return List.of();
    }
    Set<Address> carried = new TreeSet<>();
    long finalizedSlot = finality.finalized().slot();
    for (BlockHeader walk = parent; walk != null && walk.slot() > finalizedSlot && walk.number() > 0;
        walk = headers.get(walk.parentHash())) {
      carried.addAll(offendersCarried.getOrDefault(walk.hash(), List.of()));
    }
    return evidenceToInclude.values().stream()
        .filter(evidence -> evidence.offenceSlot() < slot && !carried.contains(evidence.offender())).toList();
  }

  /** Once a block carrying evidence is finalized, every branch still possible holds it: nothing need carry it again. */
  private void forgetFinalizedEvidence(Checkpoint from, Checkpoint to) {
    for (BlockHeader walk = headers.get(to.blockHash()); walk != null && walk.slot() > from.slot();
        walk = headers.get(walk.parentHash())) {
      List<Address> offenders = offendersCarried.remove(walk.hash());
      if (offenders != null) {
        offenders.forEach(evidenceToInclude::remove);
        offendersSettled.addAll(offenders);
      }
    }
  }

  /**
   * The votes a block in {@code slot} on {@code parent} carries: those of the last slots, and all since its parent's
   * slot, so that votes cast while a branch had no blocks still reach its chain (justification must be recomputable
   * from it). One per validator and slot; of a validator's several votes in a slot (slashable, but they count) the
   * one most likely to help this chain justify: first one whose head is on the branch, then one for the link (source
   * and target) most stake voted for on the branch, then one whose target is the branch's checkpoint of the slot, then
   * the newest source, then the first seen.
   */
  private List<SignedVote> votesToInclude(long slot, BlockHeader parent) {
    List<SignedVote> included = new ArrayList<>();
    long oldest = Math.min(slot - BlockVoteCheck.INCLUSION_SLOTS, parent.slot());
    for (Map.Entry<Long, Map<Address, List<SignedVote>>> ofSlot : recentVotes.subMap(oldest, true, slot, false)
        .entrySet()) {
      Comparator<SignedVote> preference = null;
      for (List<SignedVote> votes : ofSlot.getValue().values()) {
        if (votes.size() > 1 && preference == null) {
          preference = mostUseful(parent, ofSlot.getKey(), ofSlot.getValue());
        }
        included.add(votes.size() == 1 ? votes.getFirst()
            : votes.stream().max(preference.thenComparing(Comparator.comparingInt(votes::indexOf).reversed()))
                .orElseThrow());
      }
    }
    return List.copyOf(included);
  }

  /** The order of {@link #votesToInclude}'s preference among one validator's votes in {@code voteSlot}. */
  private Comparator<SignedVote> mostUseful(BlockHeader parent, long voteSlot, Map<Address, List<SignedVote>> ofSlot) {
    Hash checkpoint = checkpointBlock(parent, voteSlot);
    ValidatorSet validators = validatorsOfSlot(parent, voteSlot);
    Map<Link, BigInteger> stakeByLink = new HashMap<>();
    ofSlot.forEach((validator, votes) -> {
      BigInteger stake = validators.find(validator).map(v -> v.stake().value()).orElse(BigInteger.ZERO);
      votes.stream().filter(vote -> descends(parent.hash(), vote.vote().head())).map(Link::of).distinct()
          .forEach(link -> stakeByLink.merge(link, stake, BigInteger::add));
    });
    return Comparator.<SignedVote>comparingInt(vote -> descends(parent.hash(), vote.vote().head()) ? 1 : 0)
        .thenComparing(vote -> stakeByLink.getOrDefault(Link.of(vote), BigInteger.ZERO))
        .thenComparingInt(vote -> vote.vote().head().equals(checkpoint) ? 1 : 0)
        .thenComparingLong(vote -> vote.vote().source().slot());
  }

  /** What a vote asks finality to count: justification from its source to its target. */
  private record Link(Checkpoint source, Checkpoint target) {
    static Link of(SignedVote vote) {
      return new Link(vote.vote().source(), vote.vote().target());
    }
  }

  /** The block of {@code branch}'s checkpoint of {@code slot}: its newest block at or before the slot. */
  private Hash checkpointBlock(BlockHeader branch, long slot) {
    BlockHeader walk = branch;
    while (walk.slot() > slot && walk.number() > 0) {
      BlockHeader parent = headers.get(walk.parentHash());
      if (parent == null) {
        break;
      }
      walk = parent;
    }
    return walk.hash();
  }

  /**
   * Keeps a block whose parent is missing, if its proposer signed it for a slot that has begun; at most
   * {@value #ORPHANS_PER_PROPOSER} per proposer (its oldest giving way) and {@value #ORPHANS_MAX} in all (the oldest
   * of a proposer that is not a validator on this node's head giving way first).
   */
  private Received keepOrphan(Block block, long nowMillis) {
    long currentSlot = parameters.slotAt(nowMillis);
    BlockHeader header = block.header();
    if (header.slot() > currentSlot) {
      return Received.ignored("a block for slot " + header.slot() + ", which has not begun");
    }
    if (orphans.containsKey(block.hash())) {
      return Received.ALREADY_KNOWN;
    }
    Address proposer = header.proposer();
    if (!header.isSignedByProposer(parameters.chainId())) {
      return Received.rejected("its parent is unknown and it is not signed by its proposer");
    }
    List<Hash> proposers = orphans.values().stream().filter(o -> o.header().proposer().equals(proposer))
        .map(Block::hash).toList();
    if (proposers.size() >= ORPHANS_PER_PROPOSER) {
      orphans.remove(proposers.getFirst());
    } else if (orphans.size() >= ORPHANS_MAX) {
      // Another branch may have other validators, so strangers' blocks are kept too; but they make room first.
      ValidatorSet known = filterValidators(currentSlot);
      Optional<Hash> stranger = orphans.values().stream()
          .filter(o -> known.find(o.header().proposer()).isEmpty()).map(Block::hash).findFirst();
      if (stranger.isEmpty() && known.find(proposer).isEmpty()) {
        return Received.ignored("no room: blocks of this node's validators wait for their parents");
      }
      orphans.remove(stranger.orElse(orphans.firstEntry().getKey()));
    }
    orphans.put(block.hash(), block);
    return Received.waiting("its parent " + header.parentHash() + " is unknown");
  }

  /**
   * The validators that may have blocks and votes wait here: those of {@code currentSlot} on this node's head.
   * Remembered until a block arrives or the slot changes, since the head is costly to find and junk comes in floods.
   */
  private ValidatorSet filterValidators(long currentSlot) {
    if (filterSlot != currentSlot || filterBlocks != headers.size()) {
      filter = validators(currentSlot);
      filterSlot = currentSlot;
      filterBlocks = headers.size();
    }
    return filter;
  }


  /** Counts the waiting votes whose blocks have arrived; the others, vetted when they came, wait on. */
  private void retryWaitingVotes(long nowMillis) {
    List<SignedVote> retry = new ArrayList<>();
    waitingVotes.removeIf(vote -> {
      boolean ready = headers.containsKey(vote.vote().head()) && headers.containsKey(vote.vote().source().blockHash());
      if (ready) {
        retry.add(vote);
      }
      return ready;
    });
    retry.forEach(vote -> onVote(vote, nowMillis));
  }

  /**
   * Keeps a vote whose head or source block is missing, if its validator signed it; at most
   * {@value #WAITING_VOTES_PER_VALIDATOR} per validator (its oldest giving way) and {@value #WAITING_VOTES_MAX} in all
   * (the oldest from one that is not a validator on this node's head giving way first).
   */
  private Received keepWaiting(SignedVote vote, long nowMillis) {
    Address validator = vote.validator();
    if (!vote.isSignedBy(parameters.chainId())) {
      return Received.rejected("its blocks are unknown and it is not signed by " + validator);
    }
    if (waitingVotes.stream().filter(v -> v.validator().equals(validator)).count() >= WAITING_VOTES_PER_VALIDATOR) {
      waitingVotes.remove(waitingVotes.stream().filter(v -> v.validator().equals(validator)).findFirst().orElseThrow());
    } else if (waitingVotes.size() >= WAITING_VOTES_MAX) {
      // As for blocks: strangers' votes (validators of another branch, perhaps) wait too, but make room first.
      ValidatorSet known = filterValidators(parameters.slotAt(nowMillis));
      Optional<SignedVote> stranger = waitingVotes.stream().filter(v -> known.find(v.validator()).isEmpty())
          .findFirst();
      if (stranger.isEmpty() && known.find(validator).isEmpty()) {
        return Received.ignored("no room: votes of this node's validators wait for their blocks");
      }
      waitingVotes.remove(stranger.orElse(waitingVotes.getFirst()));
    }
    waitingVotes.addLast(vote);
    return Received.waiting("its head or source block is unknown");
  }
}
