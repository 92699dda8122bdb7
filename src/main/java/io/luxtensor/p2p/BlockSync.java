package io.luxtensor.p2p;

import io.luxtensor.chain.BlockRoots;
import io.luxtensor.chain.ChainParameters;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.chain.NodeCore.Received;
import io.luxtensor.chain.NodeCore.Received.Verdict;
import io.luxtensor.consensus.Randao;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.crypto.Ecvrf;
import io.luxtensor.crypto.InvalidSignatureException;
import io.luxtensor.crypto.InvalidVrfProofException;
import io.luxtensor.p2p.message.Message.Bodies;
import io.luxtensor.p2p.message.Message.GetBodies;
import io.luxtensor.p2p.message.Message.GetHeaders;
import io.luxtensor.p2p.message.Message.Headers;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.sync.DownloadScheduler;
import io.luxtensor.sync.Outcome;
import io.luxtensor.sync.PeerEvent;
import io.luxtensor.sync.PeerId;
import io.luxtensor.sync.PeerScores;
import io.luxtensor.sync.PeerStatus;
import io.luxtensor.sync.ReadyBatch;
import io.luxtensor.sync.Request;
import io.luxtensor.sync.SchedulerStats;
import io.luxtensor.sync.SyncConfig;
import io.luxtensor.sync.SyncCounters;
import io.luxtensor.sync.SyncEvent;
import io.luxtensor.sync.SyncProgress;
import io.luxtensor.sync.SyncStatus;
import io.luxtensor.sync.SyncTarget;
import io.luxtensor.types.Address;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockBody;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Transaction;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The Vert.x side of sync: when peers agree on a finalized block above this node's head it downloads the blocks up
 * to their head through a {@link DownloadScheduler}, and imports them in order. Each scheduled batch is fetched from
 * one peer in two requests: its headers, checked for parent links and proposer signatures on a worker before
 * anything else is asked, then the bodies for exactly those headers, checked against their roots. A batch that fails
 * a check is the sender's fault (it is banned); one that fails to import ends the run, and the next tick starts a
 * new one from the new head with the bad peer gone. Touched on the network's context only.
 */
final class BlockSync {
  private static final System.Logger LOG = System.getLogger(BlockSync.class.getName());
  /** A progress line this often while syncing. */
  static final long LOG_INTERVAL_MS = 5_000;
  /** A run with nothing asked, nothing to import and no progress this long has a target no peer serves any more. */
  static final long IDLE_MS_MAX = 2_000;
  /** An answer this late after its deadline is no longer awaited by anyone: its request is forgotten. */
  static final long ANSWER_FORGOTTEN_MS = 60_000;
  /**
   * Blocks are recovered and imported in chunks of at least this many transactions. A whole batch of full blocks
   * (an answer of 8 MB when answers were cut there, some 70,000 transfers) took seconds to recover, while the chain
   * thread waited for all of it; a chunk of 1,024 takes some 25 ms on two cores, and a chunk of empty blocks is the
   * whole batch.
   */
  static final int CHUNK_TRANSACTIONS_MIN = 1_024;
  /**
   * Chunks whose senders are recovered ahead of import: enough that recovery keeps ahead through a slow import, few
   * enough that a run that ends early wastes little work.
   */
  static final int RECOVERING_CHUNKS_MAX = 4;

  /** A block holds a transaction whose signature is valid for no key: the block is invalid, and its sender lied. */
  private static final class UnsignedTransactionException extends RuntimeException {
    UnsignedTransactionException(String message, InvalidSignatureException cause) {
      super(message, cause);
    }
  }

  /** Downloaded blocks whose transactions' senders are being recovered on a worker, ahead of their import. */
  private record Recovering(ReadyBatch<Block> chunk, Future<List<StoredBlock>> blocks) {}

  /** One sync towards one target. */
  private final class Run {
    final SyncTarget target;
    final DownloadScheduler<Block> scheduler;
    final Map<PeerId, Long> joined = new TreeMap<>();
    SyncProgress progress;
    boolean importing;
    boolean abandoned;
    /** The chunks after the one importing, in order, their senders being recovered meanwhile. */
    final Deque<Recovering> prepared = new ArrayDeque<>();
    /** Chunks of a batch handed out by the scheduler whose recovery has not begun. */
    final Deque<ReadyBatch<Block>> toRecover = new ArrayDeque<>();
    /** The recovery of the last chunk begun, which the next one waits for. */
    Future<?> lastRecovery = Future.succeededFuture();
    /** When a batch was last imported (or the run began): a run that stops advancing is given up. */
    long lastProgressMillis;

    /** The one peer to ask, for a catch-up onto its branch; any peer otherwise. */
    final Optional<PeerId> only;

    Run(SyncTarget target, long from, long now, Optional<PeerId> only) {
      this.target = target;
      this.only = only;
      this.lastProgressMillis = now;
      this.scheduler = new DownloadScheduler<>(config, scores, from, target.tailNumber());
      this.progress = SyncProgress.start(from - 1, target.tailNumber(), now);
    }
  }

  /** A request on the wire: which scheduled batch it serves, and the headers when it asks for their bodies. */
  private record Pending(Run run, Request request, Optional<List<BlockHeader>> headers) {}

  private final Context context;
  private final LocalChain chain;
  private final ValidatorSet validators;
  private final ChainParameters parameters;
  private final SyncConfig config;
  private final PeerScores scores;
  private final LongSupplier clock;
  private final Map<PeerId, Peer> peers;
  private final int followDistance;
  private final Consumer<PeerId> onBanned;
  private final Consumer<SyncEvent> onSyncChange;
  private final Map<Long, Pending> pending = new HashMap<>();
  private long nextMessageId = 1;
  private Run run;
  private long lastLogMillis;
  /** Sync at the next chance even to a target within the follow distance. */
  private boolean catchUp;
  /** The peer whose gossiped block could not be attached: its chain is the one to fetch. */
  private Optional<PeerId> catchUpFrom = Optional.empty();
  private volatile Optional<SyncProgress> published = Optional.empty();
  private final SyncCounters counters = new SyncCounters();

  BlockSync(Context context, LocalChain chain, ValidatorSet validators, ChainParameters parameters, SyncConfig config,
      PeerScores scores, LongSupplier clock, Map<PeerId, Peer> peers, int followDistance, Consumer<PeerId> onBanned,
      Consumer<SyncEvent> onSyncChange) {
    this.context = context;
    this.chain = chain;
    this.validators = validators;
    this.parameters = parameters;
    this.config = config;
    this.scores = scores;
    this.clock = clock;
    this.peers = peers;
    this.followDistance = followDistance;
    this.onBanned = onBanned;
    this.onSyncChange = onSyncChange;
  }

  /** Whether blocks are being downloaded now; gossip of the blocks it imports would only be noise. */
  boolean syncing() {
    return run != null;
  }

  /** Where the current sync stands, readable from any thread; empty when following the head. */
  Optional<SyncProgress> progress() {
    return published;
  }

  SyncCounters counters() {
    return counters;
  }

  /**
   * Syncs to the peers' head even if it is within the follow distance: a gossiped block waits for a parent the node
   * lacks, or state sync has just ended. Otherwise a gap of a block or two stays open until more blocks come.
   */
  void catchUp() {
    catchUp = true;
    tick();
  }

  /**
   * As {@link #catchUp()}, from {@code peer} alone: it gossiped a block whose parent this node lacks, so its chain is
   * another branch, and other peers asked for the same numbers would answer with their own.
   */
  void catchUpFrom(PeerId peer) {
    catchUpFrom = Optional.of(peer);
    catchUp();
  }

  /** Starts, advances or ends a sync: called on a timer and after every answer. */
  void tick() {
    long now = clock.getAsLong();
    if (run == null) {
      start(now);
      if (run == null) {
        return;
      }
    }
    Run current = run;
    pending.values().removeIf(p -> p.request().deadlineMillis() < now - ANSWER_FORGOTTEN_MS);
    for (Peer peer : peers.values()) {
      Optional<PeerStatus> status = peer.status();
      if (status.isEmpty() || scores.isBanned(peer.id(), now)
          || current.only.filter(only -> !only.equals(peer.id())).isPresent()) {
        continue;
      }
      Long known = current.joined.put(peer.id(), status.get().headNumber());
      if (known == null) {
        current.scheduler.onPeerJoined(peer.id(), status.get().headNumber());
      } else if (known != status.get().headNumber()) {
        current.scheduler.onPeerHead(peer.id(), status.get().headNumber());
      }
    }
    for (Request request : current.scheduler.poll(now)) {
      Peer peer = peers.get(request.peer());
      long id = nextMessageId++;
      pending.put(id, new Pending(current, request, Optional.empty()));
      peer.send(new GetHeaders(id, request.fromNumber(), request.count()));
    }
    importNext(current);
    boolean idle = !current.importing && current.prepared.isEmpty() && current.toRecover.isEmpty()
        && pending.values().stream().noneMatch(p -> p.run() == current);
    long stalledMillis = now - current.lastProgressMillis;
    if (idle && stalledMillis > IDLE_MS_MAX || stalledMillis > 2 * config.timeoutMsMax() && !current.importing) {
      // Its target may be gone: peers that reorganised onto a shorter branch serve no block above their new head.
      end(current, "sync made no progress for " + stalledMillis + " ms; starting again from the peers' status");
    } else if (current.scheduler.status() instanceof SyncStatus.Failed failed) {
      end(current, "sync of blocks " + failed.fromNumber() + "-" + failed.toNumber() + " failed: " + failed.reason());
    } else if (current.scheduler.done()) {
      end(current, "sync reached block " + current.target.tailNumber());
    } else if (now - lastLogMillis >= LOG_INTERVAL_MS) {
      lastLogMillis = now;
      SchedulerStats stats = current.scheduler.stats();
      LOG.log(System.Logger.Level.INFO, current.progress.logLine(stats.peersUsed(), stats.retries()));
    }
  }

  void onPeerLeft(PeerId peer) {
    if (run != null && run.joined.remove(peer) != null) {
      run.scheduler.onPeerLeft(peer);
    }
  }

  void onHeaders(Peer from, Headers headers) {
    Pending asked = pending.remove(headers.requestId());
    if (asked == null || !asked.request().peer().equals(from.id()) || asked.headers().isPresent()) {
      return;
    }
    if (asked.run() != run) {
      return;
    }
    Request request = asked.request();
    if (headers.headers().size() > request.count()) {
      answer(asked, new Outcome.Invalid<>(headers.headers().size() + " headers for a request of " + request.count()));
      return;
    }
    if (headers.headers().isEmpty()) {
      answer(asked, new Outcome.Delivered<>(List.of()));
      return;
    }
    context.<Optional<String>>executeBlocking(() -> headerProblem(request.fromNumber(), headers.headers()), false)
        .onComplete(checked -> {
          if (asked.run() != run) {
            return;
          }
          if (checked.failed()) {
            answer(asked, new Outcome.Invalid<>("headers could not be checked: " + checked.cause()));
          } else if (checked.result().isPresent()) {
            answer(asked, new Outcome.Invalid<>(checked.result().get()));
          } else {
            long id = nextMessageId++;
            pending.put(id, new Pending(asked.run(), request, Optional.of(headers.headers())));
            from.send(new GetBodies(id, headers.headers().stream().map(BlockHeader::hash).toList()));
          }
        });
  }

  void onBodies(Peer from, Bodies bodies) {
    Pending asked = pending.remove(bodies.requestId());
    if (asked == null || !asked.request().peer().equals(from.id()) || asked.headers().isEmpty()
        || asked.run() != run) {
      return;
    }
    List<BlockHeader> headers = asked.headers().get();
    if (bodies.bodies().size() > headers.size()) {
      answer(asked, new Outcome.Invalid<>(bodies.bodies().size() + " bodies for " + headers.size() + " headers"));
      return;
    }
    context.<Outcome<Block>>executeBlocking(() -> assemble(headers, bodies.bodies()), false)
        .onComplete(assembled -> {
          if (asked.run() == run) {
            answer(asked, assembled.succeeded() ? assembled.result()
                : new Outcome.Invalid<>("bodies could not be checked: " + assembled.cause()));
          }
        });
  }

  private void start(long now) {
    BlockHeader base = chain.syncBase();
    long head = chain.latest().number();
    boolean catchingUp = catchUp;
    Optional<PeerId> only = catchUpFrom.filter(peer -> catchingUp && peers.containsKey(peer));
    catchUp = false;
    catchUpFrom = Optional.empty();
    Map<PeerId, PeerStatus> statuses = new TreeMap<>();
    peers.values().stream().filter(p -> only.isEmpty() || only.get().equals(p.id()))
        .forEach(p -> p.status().filter(s -> !scores.isBanned(p.id(), now)).ifPresent(s -> statuses.put(p.id(), s)));
    int distance = catchingUp ? 0 : followDistance;
    // A catch-up takes the peers' blocks above the base even when the head is as high: they may be another branch.
    long above = catchingUp && base.number() < head ? base.number() : head + distance;
    Optional<SyncTarget> target = SyncTarget.choose(statuses, base.number(), base.hash())
        .or(() -> catchingUp ? SyncTarget.aboveLocal(statuses, base.number(), base.hash()) : Optional.empty())
        .filter(t -> t.tailNumber() > above);
    if (target.isEmpty()) {
      return;
    }
    run = new Run(target.get(), base.number() + 1, now, only);
    lastLogMillis = now;
    counters.started();
    published = Optional.of(run.progress);
    onSyncChange.accept(new SyncEvent(true, run.progress));
    LOG.log(System.Logger.Level.INFO, "syncing blocks " + (base.number() + 1) + "-" + target.get().tailNumber()
        + " from " + statuses.size() + " peers, finalized " + target.get().finalizedNumber() + " "
        + target.get().finalizedHash());
  }

  private void answer(Pending asked, Outcome<Block> outcome) {
    Run current = asked.run();
    PeerId peer = asked.request().peer();
    boolean wasBanned = scores.isBanned(peer, clock.getAsLong());
    boolean awaited = current.scheduler.onResponse(asked.request().requestId(), clock.getAsLong(), outcome);
    if (awaited && outcome instanceof Outcome.Invalid<Block> invalid) {
      LOG.log(System.Logger.Level.WARNING, "peer " + peer.shortString() + " sent blocks "
          + asked.request().fromNumber() + "-" + asked.request().toNumber() + " that fail a check: "
          + invalid.reason());
    }
    if (!wasBanned && scores.isBanned(peer, clock.getAsLong())) {
      onBanned.accept(peer);
    }
    tick();
  }

  /** Why {@code headers} cannot be blocks {@code from...} of one chain, signed by their proposers; empty if fine. */
  private Optional<String> headerProblem(long from, List<BlockHeader> headers) {
    Hash parent = null;
    for (int i = 0; i < headers.size(); i++) {
      BlockHeader header = headers.get(i);
      if (header.number() != from + i) {
        return Optional.of("header " + i + " is block " + header.number() + ", not " + (from + i));
      }
      if (parent != null && !header.parentHash().equals(parent)) {
        return Optional.of("block " + header.number() + " does not build on the header before it");
      }
      // Whether the proposer was a validator in that slot, import decides: with staking, the set changes by epoch.
      if (!header.isSignedByProposer(parameters.chainId())) {
        return Optional.of("block " + header.number() + " is not signed by its proposer");
      }
      parent = header.hash();
    }
    return Optional.empty();
  }

  /**
   * Verifies the header's VRF proof here, on a worker and in parallel with other batches, so that import (one
   * thread) finds it in Ecvrf's cache. Only a head start: import checks the proof against the validator scheduled
   * then, which may hold another key, so a failure here decides nothing.
   */
  private void verifyVrfAhead(BlockHeader header, Validator proposer) {
    try {
      Ecvrf.verify(proposer.vrfPublicKey().toArray(), header.vrfProof().toArray(),
          Randao.vrfInput(parameters.chainId(), parameters.epochOf(header.slot())));
    } catch (InvalidVrfProofException e) {
      LOG.log(System.Logger.Level.DEBUG, "block " + header.number() + "'s VRF proof does not verify yet: "
          + e.getMessage());
    }
  }

  /**
   * The blocks, if every body matches its header. A short answer whose bodies reach the server's size budget was
   * cut there ({@link ChainDataServer#RESPONSE_BYTES_SOFT_MAX}), so it is not the peer's fault.
   */
  private static Outcome<Block> assemble(List<BlockHeader> headers, List<BlockBody> bodies) {
    List<Block> blocks = new ArrayList<>(bodies.size());
    long bytes = 0;
    for (int i = 0; i < bodies.size(); i++) {
      if (!BlockRoots.matches(headers.get(i), bodies.get(i))) {
        return new Outcome.Invalid<>("the body of block " + headers.get(i).number() + " does not match its header");
      }
      blocks.add(bodies.get(i).withHeader(headers.get(i)));
      if (bodies.size() < headers.size()) {
        bytes += Rlp.encodedLength(bodies.get(i).toRlp());
      }
    }
    return new Outcome.Delivered<>(blocks, bytes >= ChainDataServer.RESPONSE_BYTES_SOFT_MAX);
  }

  /**
   * Hands the next downloaded blocks to the chain once their senders are recovered: a chunk at a time, the chain
   * thread keeps them in order. Meanwhile the senders of the chunks after it are recovered, so the chain thread
   * (which would otherwise recover them one by one) only executes, and recovery uses the other cores.
   */
  private void importNext(Run current) {
    if (current.abandoned) {
      return;
    }
    while (current.prepared.size() < RECOVERING_CHUNKS_MAX) {
      if (current.toRecover.isEmpty()) {
        current.scheduler.nextReady().ifPresent(ready -> current.toRecover.addAll(chunks(ready)));
      }
      if (current.toRecover.isEmpty()) {
        break;
      }
      current.prepared.add(recover(current, current.toRecover.poll()));
    }
    if (current.importing || current.prepared.isEmpty()) {
      return;
    }
    current.importing = true;
    Recovering next = current.prepared.poll();
    ReadyBatch<Block> chunk = next.chunk();
    next.blocks().onComplete(recovered -> {
      if (current.abandoned) {
        current.importing = false;
        return;
      }
      if (recovered.failed()) {
        current.importing = false;
        if (recovered.cause() instanceof UnsignedTransactionException unsigned) {
          rejectBatch(current, chunk, unsigned.getMessage());
        } else {
          end(current, "sync stopped: recovering the senders of blocks " + chunk.fromNumber() + "-"
              + chunk.toNumber() + " failed: " + recovered.cause());
        }
        return;
      }
      List<CompletableFuture<Received>> imports;
      try {
        imports = recovered.result().stream().map(chain::importBlock).toList();
      } catch (RuntimeException e) {
        current.importing = false;
        end(current, "sync stopped: the chain refused blocks " + chunk.fromNumber() + "-" + chunk.toNumber()
            + " for import: " + e);
        return;
      }
      CompletableFuture.allOf(imports.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) ->
          context.runOnContext(v -> imported(current, chunk, imports, error)));
    });
  }

  /**
   * A downloaded batch cut into runs of blocks holding at least {@link #CHUNK_TRANSACTIONS_MIN} transactions (the
   * last may hold fewer), so that import starts on the first blocks while the senders of the rest are recovered.
   */
  static List<ReadyBatch<Block>> chunks(ReadyBatch<Block> batch) {
    List<ReadyBatch<Block>> chunks = new ArrayList<>();
    List<Block> blocks = batch.items();
    int start = 0;
    int transactions = 0;
    for (int i = 0; i < blocks.size(); i++) {
      transactions += blocks.get(i).transactions().size();
      if (transactions >= CHUNK_TRANSACTIONS_MIN || i == blocks.size() - 1) {
        chunks.add(new ReadyBatch<>(batch.fromNumber() + start, blocks.subList(start, i + 1), batch.peer()));
        start = i + 1;
        transactions = 0;
      }
    }
    return chunks;
  }

  /**
   * Recovers the chunk's senders once the chunk before it is recovered: one chunk at a time, in order, so that the
   * one import needs next never shares the cores with those after it. The transactions of the whole chunk are
   * spread over the cores, so that a chunk of one full block is recovered in parallel too.
   */
  private Recovering recover(Run current, ReadyBatch<Block> chunk) {
    Future<List<StoredBlock>> blocks = current.lastRecovery.transform(previous -> context.executeBlocking(
        () -> withSenders(chunk.items()), false));
    current.lastRecovery = blocks;
    return new Recovering(chunk, blocks);
  }

  /**
   * The blocks with their senders recovered, outside any request's deadline. Their votes' signatures and VRF proofs
   * are checked too, only so that import finds them remembered: whether they are valid, import decides.
   *
   * @throws UnsignedTransactionException naming the block and transaction whose signature is invalid
   */
  private List<StoredBlock> withSenders(List<Block> blocks) {
    blocks.parallelStream().forEach(this::verifyAhead);
    List<Located> transactions = new ArrayList<>();
    for (Block block : blocks) {
      block.transactions().forEach(tx -> transactions.add(new Located(block.header().number(), tx)));
    }
    List<Address> senders = transactions.parallelStream().map(BlockSync::sender).toList();
    List<StoredBlock> recovered = new ArrayList<>(blocks.size());
    int next = 0;
    for (Block block : blocks) {
      int count = block.transactions().size();
      recovered.add(new StoredBlock(block, senders.subList(next, next + count)));
      next += count;
    }
    return recovered;
  }

  /** A transaction and the number of the block that holds it, for the error that names both. */
  private record Located(long blockNumber, Transaction transaction) {}

  private static Address sender(Located located) {
    try {
      return located.transaction().recoverSenderOnce();
    } catch (InvalidSignatureException e) {
      throw new UnsignedTransactionException("block " + located.blockNumber() + " holds transaction "
          + located.transaction().hash() + " without a valid signature: " + e.getMessage(), e);
    }
  }

  private void verifyAhead(Block block) {
    block.votes().forEach(vote -> vote.isSignedBy(parameters.chainId()));
    validators.find(block.header().proposer()).ifPresent(proposer -> verifyVrfAhead(block.header(), proposer));
  }

  private void imported(Run current, ReadyBatch<Block> batch, List<CompletableFuture<Received>> imports,
      Throwable error) {
    current.importing = false;
    if (current != run) {
      return;
    }
    if (error != null) {
      end(current, "sync stopped: importing blocks " + batch.fromNumber() + "-" + batch.toNumber() + " failed: "
          + error);
      return;
    }
    for (int i = 0; i < imports.size(); i++) {
      Received received = imports.get(i).join();
      Block block = batch.items().get(i);
      if (received.verdict() == Verdict.WAITING || received.verdict() == Verdict.IGNORED) {
        // Peers asked for different ranges may be on different branches: no one's fault, start again from the base.
        end(current, "sync stopped at block " + block.header().number() + ": " + received.verdict() + ", "
            + received.reason());
        return;
      }
      Optional<String> problem = received.verdict() == Verdict.ACCEPTED || received.verdict() == Verdict.ALREADY_KNOWN
          ? Optional.of(block).filter(b -> b.header().number() == current.target.finalizedNumber()
              && !b.hash().equals(current.target.finalizedHash()))
              .map(b -> "block " + b.header().number() + " is not the finalized block its peers agree on")
          : Optional.of("block " + block.header().number() + " was " + received.verdict() + ": " + received.reason());
      if (problem.isPresent()) {
        rejectBatch(current, batch, problem.get());
        return;
      }
      counters.imported(block.transactions().size());
    }
    current.scheduler.onImported(batch.toNumber());
    current.lastProgressMillis = clock.getAsLong();
    current.progress = current.progress.advance(batch.toNumber(), current.target.tailNumber(), clock.getAsLong());
    published = Optional.of(current.progress);
    tick();
  }

  /** A batch that holds an invalid block: its peer is banned and the run ends; the next starts without it. */
  private void rejectBatch(Run current, ReadyBatch<Block> batch, String problem) {
    long now = clock.getAsLong();
    if (!scores.isBanned(batch.peer(), now) && scores.record(batch.peer(), PeerEvent.INVALID_DATA, now)) {
      onBanned.accept(batch.peer());
      counters.banned();
    }
    end(current, "sync stopped at a block from " + batch.peer().shortString() + ": " + problem);
  }

  private void end(Run current, String why) {
    current.abandoned = true;
    SchedulerStats stats = current.scheduler.stats();
    counters.ended(stats.retries(), stats.timeouts(), stats.bans());
    pending.values().removeIf(p -> p.run() == current);
    run = null;
    published = Optional.empty();
    onSyncChange.accept(new SyncEvent(false, current.progress));
    LOG.log(System.Logger.Level.INFO, why + " (" + stats.requests() + " requests, " + stats.retries() + " retries, "
        + stats.timeouts() + " timeouts, " + stats.bans() + " bans, " + stats.peersUsed() + " peers)");
  }
}
