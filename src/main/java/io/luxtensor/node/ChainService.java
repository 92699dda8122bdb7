package io.luxtensor.node;

import io.luxtensor.api.PendingTransactions;
import io.luxtensor.chain.BlockImporter;
import io.luxtensor.chain.BlockInvalidReason;
import io.luxtensor.chain.BlockProducer;
import io.luxtensor.chain.ChainParameters;
import io.luxtensor.chain.ImportResult;
import io.luxtensor.chain.NodeCore.Received;
import io.luxtensor.chain.NodeCore.Received.Verdict;
import io.luxtensor.chain.ProducedBlock;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.consensus.FinalityState;
import io.luxtensor.consensus.FinalityTracker;
import io.luxtensor.consensus.SlashingProtection;
import io.luxtensor.types.SignedVote;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.consensus.BlockVoteCheck;
import io.luxtensor.execution.BlockExecutor;
import io.luxtensor.types.Block;
import io.luxtensor.types.Vote;
import io.luxtensor.execution.CandidateTransactions;
import io.luxtensor.execution.TimeBoxedCandidates;
import io.luxtensor.execution.FeeMarket;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.state.WorldState;
import io.luxtensor.storage.BatchNodeStore;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.StateHistory;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.storage.WriteBatch;
import io.luxtensor.txpool.AddResult;
import io.luxtensor.txpool.BlockCandidates;
import io.luxtensor.txpool.ChainHead;
import io.luxtensor.txpool.PoolStatus;
import io.luxtensor.txpool.SenderContent;
import io.luxtensor.txpool.TxPool;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.txpool.ValidatedTransaction;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import io.luxtensor.types.IntrinsicGas;
import io.luxtensor.types.Receipt;
import io.luxtensor.types.RecoveredTransaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * The single writer of the chain (DESIGN §3): one thread owns the head state, the transaction pool and finality,
 * and every change arrives on it as a task. It admits transactions, seals blocks as this node's validator or imports
 * them from peers, commits each block with its state in one atomic batch, and publishes the new head for readers,
 * who never lock.
 *
 * <p>With one validator in its genesis it follows one chain: a block from a peer is imported only if it extends the
 * head, which is all such a chain ever needs. With several, blocks and votes go through {@link ForkChoiceStore}
 * ({@link io.luxtensor.chain.NodeCore}'s fork choice and finality, stored as they change): the head may move to
 * another branch, this node's validators propose in their slots and vote a third into every slot.
 */
public final class ChainService implements PendingTransactions, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ChainService.class.getName());
  private static final InstantSealSchedule INSTANT_SEAL = InstantSealSchedule.DEFAULT;

  /** When blocks are sealed. */
  public sealed interface Sealing {
    /**
     * As soon as transactions are pending, each block taking all that fit; under a stream of transactions, blocks
     * gather what arrives within {@link InstantSealSchedule#DEFAULT}'s wait.
     */
    record Instant() implements Sealing {}

    /**
     * At every slot this validator proposes, empty blocks included. On a chain with several validators the proposer
     * fills its block for {@code blockFillMillisMax} at most, by default a sixteenth of the slot. Every other node
     * must import the block before it votes, a third into the slot. Without a bound a backlog made blocks that took
     * longer than a slot to build and import: slots were missed, which grew the backlog and the next blocks. A
     * 4-validator testnet on two cores at 500 transfers/s missed 501 of 789 slots; with a sixteenth, 4 of 645
     * (docs/performance.md).
     *
     * @param blockFillMillisMax the bound, if not the default; at least 1 and under a third of the slot
     */
    record EverySlot(OptionalLong blockFillMillisMax) implements Sealing {
      static final int DEFAULT_SLOT_SHARE = 16;

      public EverySlot() {
        this(OptionalLong.empty());
      }

      /** The bound in nanoseconds for slots of {@code slotMillis}. */
      long blockFillNanos(long slotMillis) {
        return blockFillMillisMax.isPresent() ? blockFillMillisMax.getAsLong() * 1_000_000L
            : slotMillis * 1_000_000L / DEFAULT_SLOT_SHARE;
      }

      /** @throws IllegalArgumentException if the bound leaves the other validators no time to import before voting */
      public void check(long slotMillis) {
        blockFillMillisMax.ifPresent(millis -> {
          if (millis < 1 || millis >= slotMillis / 3) {
            throw new IllegalArgumentException(millis + " ms is not between 1 and a third of the " + slotMillis
                + " ms slot, when validators vote on the block: at most " + (slotMillis / 3 - 1));
          }
        });
      }
    }

    /** Only when {@link ChainService#seal()} is called (tests, and nodes that must not produce). */
    record Manual() implements Sealing {}
  }

  /**
   * A block that became the head, with its receipts, as head listeners receive it.
   *
   * @param block the block and its senders
   * @param receipts its receipts, in transaction order
   * @param productionNanos how long this node took to build, execute, sign and commit it
   */
  public record NewHead(StoredBlock block, List<Receipt> receipts, long productionNanos) {}

  /** The head as readers see it: replaced whole on every change, never mutated. */
  public record CanonicalHead(BlockHeader latest, BlockHeader safe, BlockHeader finalized) {}

  private final ChainParameters parameters;
  private final ValidatorSet validators;
  private final AtomicBoolean timerStarted = new AtomicBoolean();
  private final ChainDatabase database;
  private final Optional<ValidatorKeys> keys;
  private final Optional<BlockProducer> producer;
  /** Present on a chain with several validators: the fork choice, and the blocks and votes it decides on. */
  private final Optional<ForkChoiceStore> forkChoice;
  private final BlockImporter importer;
  private final Sealing sealing;
  /** How long a proposer fills its block on a chain with several validators: see {@link Sealing.EverySlot}. */
  private final long blockFillNanos;
  private final LongSupplier clockMillis;
  private final ScheduledExecutorService thread;
  private final List<Consumer<NewHead>> headListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<RecoveredTransaction>> pendingListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<SignedVote>> voteListeners = new CopyOnWriteArrayList<>();

  // Owned by the chain thread.
  private BlockHeader head;
  /** Whether the flat-state columns hold the head's whole state: read once, false from a state-sync adoption on. */
  private boolean flatStateComplete;
  /** Present when only the latest states are kept: deletes the trie nodes of older ones as blocks commit. */
  private Optional<StateHistory> stateHistory;
  /** How many blocks' states are kept, the head's included; {@link StorageConfig#ARCHIVE} for all. */
  private final int statesKept;
  private WorldState headState;
  /** Finality from every vote this node has seen, gossiped or carried: what it serves as safe and finalized. */
  private FinalityTracker finality;
  private final TxPool pool;
  /** Instant sealing: whether a seal is scheduled, when its first transaction arrived and when the latest did. */
  private boolean sealScheduled;
  private long firstPendingNanos;
  private long lastArrivalNanos;
  /** Instant sealing: the answers to submissions held until the next seal. */
  private List<Runnable> answersAfterSeal = new ArrayList<>();
  /** This validator's vote for the head, carried in the next block so the chain itself records justification. */
  private List<SignedVote> votesToInclude;
  /** What this node's validator has signed: read once, then kept in step with every seal it commits. */
  private SlashingProtection signed;

  private volatile CanonicalHead published;
  private volatile PoolStatus publishedPoolStatus;

  /**
   * @param validatorKeys this node's validator keys: none, and the node only follows, importing blocks; on a chain
   *     with one validator, at most one
   */
  public ChainService(ChainParameters parameters, ValidatorSet validators, ChainDatabase database,
      BlockExecutor executor, List<ValidatorKeys> validatorKeys, TxPoolConfig poolConfig, Sealing sealing,
      int stateHistory, LongSupplier clockMillis) {
    Sealing.EverySlot fill = sealing instanceof Sealing.EverySlot everySlot ? everySlot : new Sealing.EverySlot();
    fill.check(parameters.slotMillis());
    boolean severalValidators = validators.validators().size() > 1;
    if (!severalValidators && validatorKeys.size() > 1) {
      throw new IllegalArgumentException("a chain with one validator takes one key, not " + validatorKeys.size());
    }
    Optional<ValidatorKeys> validator = severalValidators ? Optional.empty() : validatorKeys.stream().findFirst();
    this.parameters = parameters;
    this.validators = validators;
    this.database = database;
    this.keys = validator;
    this.forkChoice = severalValidators
        ? Optional.of(ForkChoiceStore.open(parameters, database, executor, validatorKeys,
            clockMillis.getAsLong()))
        : Optional.empty();
    this.producer = validator.map(k -> new BlockProducer(parameters, k, executor));
    this.importer = new BlockImporter(parameters, validators, executor, database);
    this.sealing = sealing;
    this.blockFillNanos = fill.blockFillNanos(parameters.slotMillis());
    this.clockMillis = clockMillis;
    Hash headHash = database.headHash().orElseThrow(() -> new IllegalStateException("database has no head"));
    this.head = database.header(headHash).orElseThrow(() -> new IllegalStateException("head block is missing"));
    if (stateHistory != StorageConfig.ARCHIVE && severalValidators) {
      throw new IllegalArgumentException("a chain with several validators keeps every state: its fork choice may go"
          + " back to any unfinalized block, so a state history of " + stateHistory + " blocks is refused");
    }
    this.statesKept = stateHistory;
    this.stateHistory = stateHistory == StorageConfig.ARCHIVE ? Optional.empty()
        : Optional.of(StateHistory.start(database.store(), head.stateRoot(), stateHistory));
    this.flatStateComplete = forkChoice.isEmpty() && database.hasFlatState();
    declareFlatState();
    this.headState = openHeadState();
    this.finality = new FinalityTracker(validators, database.finality().orElseThrow(
        () -> new IllegalStateException("database has no finality record")));
    this.pool = new TxPool(poolConfig, poolHead());
    this.signed = validator.map(k -> database.slashingProtection(k.address())).orElse(SlashingProtection.NOTHING_SIGNED);
    this.votesToInclude = database.votesToCarry();
    this.published = canonicalHead();
    this.publishedPoolStatus = pool.status();
    ScheduledThreadPoolExecutor chainThread = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread t = new Thread(runnable, "luxtensor-chain");
      t.setDaemon(true);
      return t;
    });
    chainThread.setRemoveOnCancelPolicy(true);
    this.thread = chainThread;
  }

  /**
   * Starts the slot timer: on a chain with several validators this node's validators propose and vote from now on;
   * on a chain that seals every slot, blocks come. Called once the listeners are in place (the network's above all),
   * so that nothing signed goes unsent. A second call does nothing.
   */
  public void start() {
    if (timerStarted.getAndSet(true)) {
      return;
    }
    if (forkChoice.isPresent()) {
      thread.execute(this::scheduleSlotTick);
    } else if (sealing instanceof Sealing.EverySlot && keys.isPresent()) {
      thread.execute(this::scheduleNextSlot);
    }
  }

  public CanonicalHead head() {
    return published;
  }

  /** How many of the latest blocks' states this node keeps, the head's included; empty when it keeps all. */
  public OptionalInt stateHistory() {
    return statesKept == StorageConfig.ARCHIVE ? OptionalInt.empty() : OptionalInt.of(statesKept);
  }

  /** Where block sync starts from: see {@link io.luxtensor.p2p.LocalChain#syncBase()}. */
  public BlockHeader syncBase() {
    CanonicalHead now = published;
    return forkChoice.isPresent() ? now.finalized() : now.latest();
  }

  /** The pool's sizes after its last change, read without waiting for the chain thread (for metrics). */
  public PoolStatus poolStatus() {
    return publishedPoolStatus;
  }

  /** Called on the chain thread for every new head: listeners must hand work off, never block. */
  public void addHeadListener(Consumer<NewHead> listener) {
    headListeners.add(listener);
  }

  /** Called on the chain thread for every vote this node's validator signs, once it is stored: must not block. */
  public void addVoteListener(Consumer<SignedVote> listener) {
    voteListeners.add(listener);
  }

  /** Called on the chain thread for every transaction the pool accepts: listeners must not block. */
  public void addPendingListener(Consumer<RecoveredTransaction> listener) {
    pendingListeners.add(listener);
  }

  @Override
  public CompletableFuture<Submission> submit(RecoveredTransaction transaction) {
    CompletableFuture<Submission> answer = new CompletableFuture<>();
    thread.execute(() -> {
      try {
        add(transaction, answer);
      } catch (RuntimeException e) {
        answer.completeExceptionally(e);
      }
    });
    return answer;
  }

  @Override
  public Optional<RecoveredTransaction> pending(Hash hash) {
    return onChainThread(() -> pool.get(hash).map(v -> new RecoveredTransaction(v.tx(), v.sender())));
  }

  @Override
  public long nextNonce(Address sender) {
    return onChainThread(() -> pool.pendingNonce(sender));
  }

  @Override
  public List<RecoveredTransaction> executable() {
    return onChainThread(() -> pool.content().stream().flatMap(sender -> sender.pending().stream())
        .map(v -> new RecoveredTransaction(v.tx(), v.sender())).toList());
  }

  @Override
  public PoolStatus status() {
    return onChainThread(pool::status);
  }

  @Override
  public List<SenderContent> content() {
    return onChainThread(pool::content);
  }

  /** Seals a block now (at the current slot, or the one after the head's), whatever the sealing mode. */
  public CompletableFuture<StoredBlock> seal() {
    return CompletableFuture.supplyAsync(this::sealBlock, thread);
  }

  /**
   * A block from a peer: imported and made the head if it extends the head and is valid, with the verdict the network
   * scores its sender by. A refused block changes nothing.
   */
  public CompletableFuture<Received> importBlock(Block block) {
    return CompletableFuture.supplyAsync(() -> importOnHead(block, Optional.empty()), thread);
  }

  /** As {@link #importBlock(Block)}, with the senders this node has recovered already (sync does, in parallel). */
  public CompletableFuture<Received> importBlock(StoredBlock block) {
    return CompletableFuture.supplyAsync(() -> importOnHead(block.block(), Optional.of(block)), thread);
  }

  /** A vote from a peer: counted toward finality if a validator signed it for blocks this node has. */
  public CompletableFuture<Received> importVote(SignedVote vote) {
    return CompletableFuture.supplyAsync(() -> countVote(vote), thread);
  }

  private Received importOnHead(Block block, Optional<StoredBlock> recovered) {
    if (forkChoice.isPresent()) {
      return apply(forkChoice.get().onBlock(block, clockMillis.getAsLong()));
    }
    long startNanos = System.nanoTime();
    BlockHeader header = block.header();
    if (database.header(block.hash()).isPresent()) {
      return new Received(Verdict.ALREADY_KNOWN, "");
    }
    if (!header.parentHash().equals(head.hash())) {
      return database.header(header.parentHash()).isPresent()
          ? new Received(Verdict.IGNORED, "it builds on " + header.parentHash() + ", not on the head "
              + head.hash() + ": this node follows one chain")
          : new Received(Verdict.WAITING, "its parent " + header.parentHash() + " is not known yet");
    }
    try (WriteBatch batch = database.store().newBatch()) {
      BatchNodeStore sink = new BatchNodeStore(database.store(), batch);
      ImportResult result = recovered.isPresent()
          ? importer.importBlock(recovered.get(), head, headState, clockMillis.getAsLong(), sink)
          : importer.importBlock(block, head, headState, clockMillis.getAsLong(), sink);
      if (result instanceof ImportResult.Rejected rejected) {
        headState = openHeadState();
        return new Received(Verdict.REJECTED, rejected.message());
      }
      ProducedBlock produced = ((ImportResult.Imported) result).block();
      // The header claims the finality its chain's votes prove: the parent's claim plus the votes this block carries.
      FinalityTracker proven = new FinalityTracker(validators, head.number() == 0
          ? FinalityState.atGenesis(new Checkpoint(head.slot(), head.hash()))
          : new FinalityState(head.justified(), head.finalized()));
      block.votes().forEach(proven::onVote);
      FinalityState claimed = new FinalityState(header.justified(), header.finalized());
      if (!claimed.equals(proven.state())) {
        headState = openHeadState();
        return new Received(Verdict.REJECTED, BlockInvalidReason.WRONG_FINALITY.message() + ": it claims " + claimed
            + ", its chain's votes prove " + proven.state());
      }
      FinalityTracker next = finality.copy();
      block.votes().forEach(next::onVote);
      List<Address> senders = produced.execution().transactions().stream()
          .map(t -> t.transaction().sender()).toList();
      database.writeHeadBlock(batch, produced, senders);
      database.writeFinality(batch, next.state());
      commitHead(batch, sink, header.stateRoot());
      finality = next;
      head = header;
      declareFlatState();
      pool.onNewHead(poolHead());
      published = canonicalHead();
      publishedPoolStatus = pool.status();
      NewHead event = new NewHead(new StoredBlock(block, senders), produced.execution().receipts(),
          System.nanoTime() - startNanos);
      headListeners.forEach(listener -> listener.accept(event));
      return new Received(Verdict.ACCEPTED, "");
    } catch (RuntimeException e) {
      headState = openHeadState();
      declareFlatState();
      throw e;
    }
  }

  private Received countVote(SignedVote vote) {
    if (forkChoice.isPresent()) {
      return apply(forkChoice.get().onVote(vote, clockMillis.getAsLong()));
    }
    long slot = vote.vote().slot();
    Optional<String> problem = BlockVoteCheck.problem(List.of(vote), slot + 1, slot, voteSlot -> validators,
        parameters.chainId());
    if (problem.isPresent()) {
      return new Received(Verdict.REJECTED, problem.get());
    }
    List<Optional<BlockHeader>> blocks = List.of(database.header(vote.vote().head()),
        database.header(vote.vote().source().blockHash()), database.header(vote.vote().target().blockHash()));
    if (blocks.stream().anyMatch(Optional::isEmpty)) {
      return new Received(Verdict.WAITING, "a block it votes for is not known yet");
    }
    // On one chain, a target and a source both canonical descend one from the other, as finality requires.
    if (!blocks.stream().map(Optional::get).allMatch(this::isCanonical)) {
      return new Received(Verdict.IGNORED, "it votes for blocks off this node's chain");
    }
    FinalityState before = finality.state();
    FinalityTracker next = finality.copy();
    FinalityState after = next.onVote(vote);
    if (after.equals(before)) {
      return new Received(Verdict.IGNORED, "it moves no checkpoint");
    }
    try (WriteBatch batch = database.store().newBatch()) {
      database.writeFinality(batch, after);
      batch.commit();
    }
    finality = next;
    published = canonicalHead();
    return new Received(Verdict.ACCEPTED, "");
  }

  private boolean isCanonical(BlockHeader header) {
    return database.canonicalHash(header.number()).filter(header.hash()::equals).isPresent();
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      if (thread.awaitTermination(10, TimeUnit.SECONDS)) {
        // Their transactions were accepted; no block will follow them now.
        answerAfterSeal();
      } else {
        LOG.log(System.Logger.Level.WARNING, "chain thread did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Offers {@code transaction} to the pool and answers: at once, or, when it became pending under instant sealing,
   * once the block that follows it is sealed, so that a client reading after its send sees the transaction mined,
   * as with Hardhat's and Anvil's automine.
   */
  private void add(RecoveredTransaction transaction, CompletableFuture<Submission> answer) {
    AddResult result = pool.add(ValidatedTransaction.of(transaction.transaction(), transaction.sender()));
    publishedPoolStatus = pool.status();
    if (result instanceof AddResult.Rejected rejected) {
      answer.complete(new Submission.Rejected(rejected.message()));
      return;
    }
    pendingListeners.forEach(listener -> listener.accept(transaction));
    Submission accepted = new Submission.Accepted(transaction.transaction().hash());
    boolean pending = result instanceof AddResult.AddedPending
        || result instanceof AddResult.Replaced replaced && replaced.pending();
    if (pending && queueInstantSeal()) {
      answersAfterSeal.add(() -> answer.complete(accepted));
    } else {
      answer.complete(accepted);
    }
  }

  /**
   * Called when a transaction becomes pending: a block follows as {@link InstantSealSchedule} says.
   *
   * @return whether one does: this node seals instantly
   */
  private boolean queueInstantSeal() {
    if (!(sealing instanceof Sealing.Instant && keys.isPresent() && forkChoice.isEmpty())) {
      return false;
    }
    lastArrivalNanos = System.nanoTime();
    if (!sealScheduled) {
      sealScheduled = true;
      firstPendingNanos = lastArrivalNanos;
      thread.schedule(this::instantSealDue, INSTANT_SEAL.loneQuietNanos(), TimeUnit.NANOSECONDS);
    }
    return true;
  }

  /** Answers the submissions that waited for this seal, whether it took their transactions or refused to sign. */
  private void answerAfterSeal() {
    List<Runnable> answers = answersAfterSeal;
    answersAfterSeal = new ArrayList<>();
    answers.forEach(Runnable::run);
  }

  private void instantSealDue() {
    // Transfers are the smallest transactions: a block holds at most this many.
    int pending = pool.status().pending();
    boolean blockFull = pending >= head.gasLimit() / IntrinsicGas.TRANSFER;
    long delay = INSTANT_SEAL.delayNanos(System.nanoTime(), firstPendingNanos, lastArrivalNanos, pending, blockFull);
    if (delay > 0) {
      thread.schedule(this::instantSealDue, delay, TimeUnit.NANOSECONDS);
      return;
    }
    sealScheduled = false;
    try {
      sealRefusable().ifPresent(sealed -> {
        if (pool.status().pending() > 0 && !sealed.block().transactions().isEmpty()) {
          queueInstantSeal();
        }
      });
    } finally {
      answerAfterSeal();
    }
  }

  private void scheduleNextSlot() {
    long now = clockMillis.getAsLong();
    long nextSlot = Math.max(parameters.slotAt(now) + 1, head.slot() + 1);
    long delay = Math.max(0, parameters.slotStartMillis(nextSlot) - now);
    thread.schedule(() -> {
      try {
        if (parameters.slotAt(clockMillis.getAsLong()) > head.slot()) {
          sealRefusable();
        }
      } finally {
        scheduleNextSlot();
      }
    }, delay, TimeUnit.MILLISECONDS);
  }

  /** Seals a block unless slashing protection refuses the signatures, which is logged: the next slot may do. */
  private Optional<StoredBlock> sealRefusable() {
    try {
      return Optional.of(sealBlock());
    } catch (SigningRefusedException e) {
      LOG.log(System.Logger.Level.WARNING, e.getMessage());
      return Optional.empty();
    }
  }

  private StoredBlock sealBlock() {
    if (forkChoice.isPresent()) {
      throw new IllegalStateException("a chain with several validators seals blocks in its validators' slots only");
    }
    ValidatorKeys keys = this.keys.orElseThrow(() ->
        new IllegalStateException("this node has no validator key: it follows the chain, it does not produce"));
    BlockProducer producer = this.producer.orElseThrow();
    long startNanos = System.nanoTime();
    long slot = Math.max(head.slot() + 1, parameters.slotAt(clockMillis.getAsLong()));
    Checkpoint justified = finality.state().justified();
    // Finality moves only from a slot's checkpoint to the next slot's. After empty slots, the validator votes for the
    // checkpoint of the slot after its justified one — still its head — so the head becomes final with this block;
    // unless its record forbids that vote, and then the head waits for a later block to be final.
    Optional<Vote> bridge = Optional.of(new Vote(justified.slot() + 1, head.hash(), justified,
            new Checkpoint(justified.slot() + 1, head.hash())))
        .filter(v -> slot > v.slot() && justified.blockHash().equals(head.hash())
            && signed.checkVote(v.source().slot(), v.target().slot()).isEmpty());
    Checkpoint source = bridge.map(Vote::target).orElse(justified);
    Optional<SlashingProtection.Refusal> refusal =
        signed.checkBlock(slot).or(() -> signed.checkVote(source.slot(), slot));
    if (refusal.isPresent()) {
      throw new SigningRefusedException(keys.address(), slot, refusal.get());
    }
    SlashingProtection afterSigning = bridge.map(v -> signed.withVote(v.source().slot(), v.target().slot()))
        .orElse(signed).withBlock(slot).withVote(source.slot(), slot);
    BlockCandidates candidates = pool.candidates(nextBaseFee());
    try (WriteBatch batch = database.store().newBatch()) {
      BatchNodeStore nodeSink = new BatchNodeStore(database.store(), batch);
      Optional<SignedVote> signedBridge = bridge.map(v -> v.sign(parameters.chainId(), keys.signingKey()));
      List<SignedVote> carried = new ArrayList<>(votesToInclude);
      signedBridge.ifPresent(carried::add);
      // The header claims what the votes its chain carries prove, this block's included, as every importer checks;
      // the tracker is a copy until the block is committed.
      FinalityTracker next = finality.copy();
      signedBridge.ifPresent(next::onVote);
      ProducedBlock produced = producer.produce(head, slot, headState, next.state(), new PoolCandidates(candidates),
          carried, List.of(), nodeSink);
      BlockHeader header = produced.block().header();
      SignedVote vote = new Vote(slot, header.hash(), source, new Checkpoint(slot, header.hash()))
          .sign(parameters.chainId(), keys.signingKey());
      FinalityState newFinality = next.onVote(vote);
      List<Address> senders = produced.execution().transactions().stream().map(t -> t.transaction().sender()).toList();
      database.writeHeadBlock(batch, produced, senders);
      database.writeFinality(batch, newFinality);
      database.writeSlashingProtection(batch, keys.address(), afterSigning);
      database.writeVotesToCarry(batch, List.of(vote));
      commitHead(batch, nodeSink, header.stateRoot());
      finality = next;
      signed = afterSigning;
      votesToInclude = List.of(vote);
      head = header;
      declareFlatState();
      pool.onNewHead(poolHead());
      published = canonicalHead();
      publishedPoolStatus = pool.status();
      StoredBlock stored = new StoredBlock(produced.block(), senders);
      NewHead event = new NewHead(stored, produced.execution().receipts(), System.nanoTime() - startNanos);
      headListeners.forEach(listener -> listener.accept(event));
      voteListeners.forEach(listener -> listener.accept(vote));
      return stored;
    } catch (RuntimeException e) {
      // The world state may hold half a block: start again from the stored head.
      headState = openHeadState();
      declareFlatState();
      throw e;
    }
  }

  /**
   * Every slot, on a chain with several validators: at its start the head may move and this node's validators may
   * propose; a third into it they vote. A failure is logged and the next slot comes anyway.
   */
  private void scheduleSlotTick() {
    long now = clockMillis.getAsLong();
    long slot = parameters.slotAt(now) + 1;
    thread.schedule(() -> {
      try {
        onSlotStart(slot);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "slot " + slot + " failed", e);
      } finally {
        scheduleSlotTick();
      }
    }, Math.max(0, parameters.slotStartMillis(slot) - now), TimeUnit.MILLISECONDS);
  }

  private void onSlotStart(long slot) {
    ForkChoiceStore store = forkChoice.orElseThrow();
    apply(store.refresh(clockMillis.getAsLong()));
    apply(store.onSlotStart(slot, clockMillis.getAsLong(), parent -> parent.hash().equals(head.hash())
        ? new TimeBoxedCandidates(new PoolCandidates(pool.candidates(nextBaseFee())), System::nanoTime,
            System.nanoTime() + blockFillNanos)
        : CandidateTransactions.of(List.of())));
    long voteAt = parameters.slotStartMillis(slot) + parameters.slotMillis() / 3;
    thread.schedule(() -> {
      try {
        apply(store.onVoteDue(slot, clockMillis.getAsLong()));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "the vote of slot " + slot + " failed", e);
      }
    }, Math.max(0, voteAt - clockMillis.getAsLong()), TimeUnit.MILLISECONDS);
  }

  /**
   * Publishes what a fork-choice step stored: the blocks that became canonical go to head listeners in order, the
   * pool moves to the new head, and this node's votes go to vote listeners.
   */
  private <T> T apply(ForkChoiceStore.Step<T> step) {
    ForkChoiceStore store = forkChoice.orElseThrow();
    if (step.headMoved()) {
      head = store.head();
      headState = openHeadState();
      pool.onNewHead(poolHead());
      // The transactions of blocks the head left behind are offered again: the new branch may not hold them.
      pool.reinject(step.dropped().stream().flatMap(dropped -> IntStream
          .range(0, dropped.block().transactions().size())
          .mapToObj(i -> ValidatedTransaction.of(dropped.block().transactions().get(i), dropped.senders().get(i))))
          .toList());
      publishedPoolStatus = pool.status();
    }
    published = canonicalHead();
    step.newHeads().forEach(ChainService::logEvidence);
    step.newHeads().forEach(event -> headListeners.forEach(listener -> listener.accept(event)));
    step.votes().forEach(vote -> voteListeners.forEach(listener -> listener.accept(vote)));
    return step.result();
  }

  /** An operator wants to know at once when a validator is slashed, above all when it is one of theirs. */
  private static void logEvidence(NewHead head) {
    Block block = head.block().block();
    block.evidence().forEach(evidence -> LOG.log(System.Logger.Level.WARNING, "block " + block.header().number()
        + " carries evidence of a " + evidence.getClass().getSimpleName() + " in slot " + evidence.offenceSlot()
        + " by validator " + evidence.offender().toChecksumHex() + ": it is slashed"));
  }

  /**
   * Commits the batch of a new head whose trie nodes went through {@code nodes}; with a state history, the nodes of
   * the state that leaves it are deleted in the same batch.
   */
  private void commitHead(WriteBatch batch, BatchNodeStore nodes, Hash stateRoot) {
    try {
      stateHistory.ifPresent(history -> history.onHead(nodes, stateRoot, batch));
      batch.commit();
    } catch (RuntimeException e) {
      try {
        stateHistory.ifPresent(StateHistory::headNotCommitted);
      } catch (RuntimeException recount) {
        e.addSuppressed(recount);
      }
      throw e;
    }
  }

  /** Lets readers on other threads read the head's state from the flat state, where the node keeps it whole. */
  private void declareFlatState() {
    if (flatStateComplete) {
      database.flatStateCommitted(head.stateRoot());
    }
  }

  /** The head's state for the chain thread: over the flat state where the node has it, through the trie if not. */
  private WorldState openHeadState() {
    return flatStateComplete ? WorldState.at(database.trieNodes(), head.stateRoot(), database.flatState())
        : WorldState.at(database.trieNodes(), head.stateRoot());
  }

  /**
   * Makes {@code checkpoint}, a block proven final whose state is stored already (state sync), this node's head and
   * finalized block, with {@code ancestors} (its parent chain, oldest first) as the headers before it that checking
   * the next blocks needs. Only a node still at genesis can do this.
   */
  public CompletableFuture<Void> adoptCheckpoint(BlockHeader checkpoint, List<BlockHeader> ancestors) {
    return CompletableFuture.runAsync(() -> {
      if (forkChoice.isPresent()) {
        throw new IllegalStateException("state sync is not available on a chain with several validators yet");
      }
      if (head.number() != 0) {
        throw new IllegalStateException("this node has blocks up to " + head.number()
            + ": only a node at genesis starts from a checkpoint");
      }
      if (database.trieNodes().get(checkpoint.stateRoot().toBytes()).isEmpty()) {
        throw new IllegalStateException("the state of checkpoint " + checkpoint.hash() + " is not stored");
      }
      Checkpoint point = new Checkpoint(checkpoint.slot(), checkpoint.hash());
      FinalityState adopted = new FinalityState(point, point);
      List<BlockHeader> headers = new ArrayList<>(ancestors);
      headers.add(checkpoint);
      try (WriteBatch batch = database.store().newBatch()) {
        database.writeSnapshotHead(batch, headers);
        database.writeFinality(batch, adopted);
        batch.commit();
      }
      head = checkpoint;
      // State sync stored the checkpoint's nodes without counting them: count again, from the store.
      stateHistory = stateHistory.map(history ->
          StateHistory.start(database.store(), checkpoint.stateRoot(), history.statesKept()));
      flatStateComplete = false;
      headState = openHeadState();
      finality = new FinalityTracker(validators, adopted);
      pool.onNewHead(poolHead());
      published = canonicalHead();
      publishedPoolStatus = pool.status();
      LOG.log(System.Logger.Level.INFO, "started from finalized block " + checkpoint.number() + " " + checkpoint.hash()
          + " by state sync");
    }, thread);
  }

  private BigInteger nextBaseFee() {
    return FeeMarket.nextBaseFee(head.gasUsed(), head.gasLimit(), head.baseFeePerGas(), parameters.minBaseFeePerGas());
  }

  private ChainHead poolHead() {
    var flat = flatStateComplete ? database.flatState() : openHeadState();
    return new ChainHead(new io.luxtensor.txpool.AccountState() {
      @Override
      public long nonce(Address account) {
        return flat.account(account).nonce();
      }

      @Override
      public io.luxtensor.types.Wei balance(Address account) {
        return flat.account(account).balance();
      }
    }, nextBaseFee(), head.gasLimit());
  }

  private CanonicalHead canonicalHead() {
    FinalityState state = forkChoice.map(ForkChoiceStore::finality).orElseGet(finality::state);
    return new CanonicalHead(head, headerAt(state.justified()), headerAt(state.finalized()));
  }

  /**
   * The header of a checkpoint. Most blocks leave a checkpoint where it was or move it onto the last head or the last
   * justified block, so the headers last published are looked at before the store is read.
   */
  private BlockHeader headerAt(Checkpoint checkpoint) {
    CanonicalHead previous = published;
    if (previous != null) {
      for (BlockHeader known : List.of(previous.latest(), previous.safe(), previous.finalized())) {
        if (known.hash().equals(checkpoint.blockHash())) {
          return known;
        }
      }
    }
    if (checkpoint.blockHash().equals(Hash.ZERO)) {
      return database.canonicalHash(0).flatMap(database::header).orElseThrow();
    }
    return database.header(checkpoint.blockHash()).orElseThrow();
  }

  private <T> T onChainThread(java.util.function.Supplier<T> task) {
    try {
      return CompletableFuture.supplyAsync(task, thread).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the chain thread", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the chain thread did not answer", e);
    }
  }

  /** The pool's block candidates as execution pulls them. */
  private record PoolCandidates(BlockCandidates candidates) implements CandidateTransactions {
    @Override
    public Optional<RecoveredTransaction> peek() {
      return candidates.peek().map(v -> new RecoveredTransaction(v.tx(), v.sender()));
    }

    @Override
    public void accept() {
      candidates.accept();
    }

    @Override
    public void skipSender(TransactionResult.Invalid reason) {
      candidates.skipSender();
    }
  }
}
