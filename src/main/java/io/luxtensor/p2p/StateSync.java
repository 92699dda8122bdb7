package io.luxtensor.p2p;

import io.luxtensor.chain.ChainParameters;
import io.luxtensor.consensus.FinalityProof;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.p2p.message.Message.FinalityProofMessage;
import io.luxtensor.p2p.message.Message.GetFinalityProof;
import io.luxtensor.p2p.message.Message.GetHeaders;
import io.luxtensor.p2p.message.Message.GetTrieNodes;
import io.luxtensor.p2p.message.Message.Headers;
import io.luxtensor.p2p.message.Message.TrieNodes;
import io.luxtensor.storage.BatchNodeStore;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.WriteBatch;
import io.luxtensor.sync.PeerEvent;
import io.luxtensor.sync.PeerId;
import io.luxtensor.sync.PeerScores;
import io.luxtensor.sync.StateSyncProgress;
import io.luxtensor.sync.StateSyncProgress.Phase;
import io.luxtensor.sync.TrieDownload;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * State sync, the Vert.x side (DESIGN §6; {@code --sync-mode snap}): a node at genesis starts from a recent
 * finalized block instead of replaying the chain. It asks a peer for the proof that the block is final and checks it
 * against the validator set; fetches the headers just before it, linked by hash, which checking the next blocks'
 * proposers needs; downloads the block's state trie from up to {@link #PEERS_MAX} peers at once through a
 * {@link TrieDownload}, which accepts only nodes the root's chain of hashes asks for; then hands the block to the
 * chain as its new head and finalized block, and block sync takes over from there.
 *
 * <p>A peer whose proof or headers fail a check, or who sends a node nobody asked for, is banned; one that times out
 * is scored down and its hashes go to others. Touched on the network's context only; the download's bookkeeping and
 * its writes run on the context's ordered worker queue, one task at a time.
 */
final class StateSync {
  private static final System.Logger LOG = System.getLogger(StateSync.class.getName());
  /** Peers fetching state at once, one request each. */
  static final int PEERS_MAX = 4;
  /** Hashes per request: each answer then carries them and as much below them as fits. */
  static final int HASHES_PER_REQUEST = 256;
  static final long TIMEOUT_MS = 10_000;
  static final long LOG_INTERVAL_MS = 5_000;
  /** Above block sync's ids, so that the two never take each other's answers. */
  private static final long FIRST_REQUEST_ID = 1L << 62;

  private record Asked(PeerId peer, long sentAtMillis, List<Hash> hashes) {}

  private final Context context;
  private final LocalChain chain;
  private final ChainDatabase database;
  private final ValidatorSet validators;
  private final ChainParameters parameters;
  private final Hash genesisHash;
  private final PeerScores scores;
  private final Map<PeerId, Peer> peers;
  private final BiConsumer<Peer, String> ban;
  private final LongSupplier clock;
  private final Runnable onDone;
  private final Map<Long, Asked> asked = new TreeMap<>();
  private Phase phase = Phase.FINDING_CHECKPOINT;
  private long nextRequestId = FIRST_REQUEST_ID;
  private Optional<FinalityProof> proof = Optional.empty();
  private List<BlockHeader> ancestors = List.of();
  /** Owned by the ordered worker queue once created. */
  private TrieDownload download;
  private boolean planning;
  private long lastLogMillis;
  private volatile StateSyncProgress progress = StateSyncProgress.START;

  StateSync(Context context, LocalChain chain, ChainDatabase database, ValidatorSet validators,
      ChainParameters parameters, Hash genesisHash, PeerScores scores, Map<PeerId, Peer> peers,
      BiConsumer<Peer, String> ban, LongSupplier clock, Runnable onDone) {
    this.context = context;
    this.chain = chain;
    this.database = database;
    this.validators = validators;
    this.parameters = parameters;
    this.genesisHash = genesisHash;
    this.scores = scores;
    this.peers = peers;
    this.ban = ban;
    this.clock = clock;
    this.onDone = onDone;
  }

  /** Whether the node has its checkpoint and state, and block sync may run. */
  boolean done() {
    return phase == Phase.DONE;
  }

  StateSyncProgress progress() {
    return progress;
  }

  void tick() {
    long now = clock.getAsLong();
    expire(now);
    switch (phase) {
      case FINDING_CHECKPOINT -> {
        if (asked.isEmpty()) {
          idlePeers(now, 0).stream().max(Comparator.comparingLong(p -> p.status().orElseThrow().finalizedNumber()))
              .filter(p -> p.status().orElseThrow().finalizedNumber() > 0)
              .ifPresent(p -> p.send(new GetFinalityProof(ask(p, now, List.of()))));
        }
      }
      case FETCHING_ANCESTORS -> {
        if (asked.isEmpty()) {
          BlockHeader checkpoint = proof.orElseThrow().checkpoint();
          idlePeers(now, checkpoint.number()).stream().findFirst().ifPresent(p -> p.send(
              new GetHeaders(ask(p, now, List.of()), ancestorsFrom(checkpoint), ancestorCount(checkpoint))));
        }
      }
      case FETCHING_STATE -> requestState(now);
      case ADOPTING, DONE -> { }
    }
    if (phase != Phase.DONE && now - lastLogMillis >= LOG_INTERVAL_MS) {
      lastLogMillis = now;
      StateSyncProgress p = progress;
      LOG.log(System.Logger.Level.INFO, "state sync: " + p.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ')
          + (p.checkpointNumber() > 0 ? " of block " + p.checkpointNumber() : "") + ", " + p.accounts()
          + " accounts, " + p.trieNodes() + " trie nodes (" + p.bytes() / 1024 + " KiB), " + p.pendingNodes()
          + " wanted, " + asked.size() + " requests out");
    }
  }

  void onFinalityProof(Peer from, FinalityProofMessage message) {
    if (take(from, message.requestId()).isEmpty() || phase != Phase.FINDING_CHECKPOINT) {
      return;
    }
    if (message.proof().isEmpty()) {
      scores.record(from.id(), PeerEvent.EMPTY_OR_SHORT_RESPONSE, clock.getAsLong());
      return;
    }
    FinalityProof offered = message.proof().get();
    context.<Optional<String>>executeBlocking(() -> offered.problem(validators, parameters.chainId()), false)
        .onComplete(checked -> {
          if (phase != Phase.FINDING_CHECKPOINT) {
            return;
          }
          if (checked.failed() || checked.result().isPresent()) {
            ban.accept(from, "invalid finality proof: "
                + (checked.failed() ? checked.cause().toString() : checked.result().get()));
            return;
          }
          proof = Optional.of(offered);
          BlockHeader checkpoint = offered.checkpoint();
          LOG.log(System.Logger.Level.INFO, "state sync: block " + checkpoint.number() + " " + checkpoint.hash()
              + " is final by " + offered.votes().size() + " validators' votes; fetching its state");
          scores.record(from.id(), PeerEvent.USEFUL_RESPONSE, clock.getAsLong());
          if (ancestorCount(checkpoint) == 0) {
            startState(List.of());
          } else {
            phase = Phase.FETCHING_ANCESTORS;
          }
          publish();
        });
  }

  void onHeaders(Peer from, Headers message) {
    if (phase != Phase.FETCHING_ANCESTORS || take(from, message.requestId()).isEmpty()) {
      return;
    }
    BlockHeader checkpoint = proof.orElseThrow().checkpoint();
    List<BlockHeader> headers = message.headers();
    if (headers.size() < ancestorCount(checkpoint)) {
      scores.record(from.id(), PeerEvent.EMPTY_OR_SHORT_RESPONSE, clock.getAsLong());
      return;
    }
    Optional<String> problem = ancestorProblem(checkpoint, headers);
    if (problem.isPresent()) {
      ban.accept(from, "headers before the checkpoint: " + problem.get());
      return;
    }
    scores.record(from.id(), PeerEvent.USEFUL_RESPONSE, clock.getAsLong());
    startState(headers);
  }

  void onTrieNodes(Peer from, TrieNodes message) {
    Optional<Asked> request = take(from, message.requestId());
    if (request.isEmpty() || phase != Phase.FETCHING_STATE) {
      return;
    }
    context.<TrieDownload.Accepted>executeBlocking(() -> {
      try (WriteBatch batch = database.store().newBatch()) {
        TrieDownload.Accepted accepted = download.accept(request.get().hashes(), message.nodes(),
            new BatchNodeStore(database.store(), batch));
        batch.commit();
        publish(download);
        return accepted;
      }
    }, true).onComplete(result -> {
      if (result.failed()) {
        LOG.log(System.Logger.Level.ERROR, "state sync: storing trie nodes failed", result.cause());
        return;
      }
      switch (result.result()) {
        case TrieDownload.Accepted.Valid valid -> scores.record(from.id(),
            valid.nodes() == 0 ? PeerEvent.EMPTY_OR_SHORT_RESPONSE : PeerEvent.USEFUL_RESPONSE, clock.getAsLong());
        case TrieDownload.Accepted.Invalid invalid -> ban.accept(from, "state: " + invalid.reason());
      }
      requestState(clock.getAsLong());
    });
  }

  void onPeerLeft(PeerId peer) {
    List<Hash> orphaned = new ArrayList<>();
    asked.values().removeIf(a -> {
      if (a.peer().equals(peer)) {
        orphaned.addAll(a.hashes());
        return true;
      }
      return false;
    });
    giveBack(orphaned);
  }

  private void startState(List<BlockHeader> headers) {
    ancestors = List.copyOf(headers);
    phase = Phase.FETCHING_STATE;
    planning = true;
    Hash stateRoot = proof.orElseThrow().checkpoint().stateRoot();
    context.executeBlocking(() -> {
      download = new TrieDownload(database.trieNodes(), stateRoot);
      publish(download);
      return null;
    }, true).onComplete(r -> {
      planning = false;
      if (r.failed()) {
        LOG.log(System.Logger.Level.ERROR, "state sync: opening the download failed", r.cause());
      } else {
        requestState(clock.getAsLong());
      }
    });
  }

  /** Gives each idle peer that has the checkpoint a slice of the wanted hashes, or adopts once nothing is wanted. */
  private void requestState(long now) {
    if (phase != Phase.FETCHING_STATE || planning) {
      return;
    }
    long checkpointNumber = proof.orElseThrow().checkpoint().number();
    List<Peer> idle = idlePeers(now, checkpointNumber).stream()
        .limit(Math.max(0, PEERS_MAX - asked.size())).toList();
    planning = true;
    context.executeBlocking(() -> {
      List<List<Hash>> slices = new ArrayList<>();
      for (int i = 0; i < idle.size(); i++) {
        slices.add(download.nextRequest(HASHES_PER_REQUEST));
      }
      return new Plan(download.complete(), slices);
    }, true).onComplete(r -> {
      planning = false;
      if (r.failed()) {
        LOG.log(System.Logger.Level.ERROR, "state sync: planning requests failed", r.cause());
        return;
      }
      Plan plan = r.result();
      if (plan.complete() && asked.isEmpty()) {
        adopt();
        return;
      }
      long sentAt = clock.getAsLong();
      for (int i = 0; i < idle.size(); i++) {
        List<Hash> slice = plan.slices().get(i);
        Peer peer = idle.get(i);
        if (slice.isEmpty()) {
          continue;
        }
        if (peers.get(peer.id()) != peer) {
          giveBack(slice);
          continue;
        }
        peer.send(new GetTrieNodes(ask(peer, sentAt, slice), slice));
      }
    });
  }

  private record Plan(boolean complete, List<List<Hash>> slices) {}

  private void adopt() {
    phase = Phase.ADOPTING;
    publish();
    BlockHeader checkpoint = proof.orElseThrow().checkpoint();
    chain.adoptCheckpoint(checkpoint, ancestors).whenComplete((v, error) -> context.runOnContext(x -> {
      if (error != null) {
        LOG.log(System.Logger.Level.ERROR, "state sync: adopting block " + checkpoint.number() + " failed", error);
        return;
      }
      phase = Phase.DONE;
      publish();
      LOG.log(System.Logger.Level.INFO, "state sync done: block " + checkpoint.number() + " with "
          + progress.accounts() + " accounts; block sync takes over");
      onDone.run();
    }));
  }

  private void giveBack(List<Hash> hashes) {
    if (!hashes.isEmpty()) {
      context.executeBlocking(() -> {
        download.giveBack(hashes);
        return null;
      }, true);
    }
  }

  private void expire(long now) {
    List<Hash> late = new ArrayList<>();
    asked.values().removeIf(a -> {
      if (now - a.sentAtMillis() > TIMEOUT_MS) {
        scores.record(a.peer(), PeerEvent.TIMEOUT, now);
        late.addAll(a.hashes());
        return true;
      }
      return false;
    });
    giveBack(late);
  }

  /** Greeted, unbanned peers with no request of this sync out, whose head is at least {@code headMin}. */
  private List<Peer> idlePeers(long now, long headMin) {
    List<PeerId> busy = asked.values().stream().map(Asked::peer).toList();
    return peers.values().stream()
        .filter(p -> p.status().filter(s -> s.headNumber() >= headMin).isPresent())
        .filter(p -> !busy.contains(p.id()) && !scores.isBanned(p.id(), now))
        .toList();
  }

  private long ask(Peer peer, long now, List<Hash> hashes) {
    long id = nextRequestId++;
    asked.put(id, new Asked(peer.id(), now, hashes));
    return id;
  }

  private Optional<Asked> take(Peer from, long requestId) {
    Asked request = asked.get(requestId);
    if (request == null || !request.peer().equals(from.id())) {
      return Optional.empty();
    }
    asked.remove(requestId);
    return Optional.of(request);
  }

  /**
   * The first block whose header must be stored before the checkpoint: epoch seeds look back to the block before
   * the previous epoch, so two epochs of blocks (and one more) cover every block after the checkpoint.
   */
  private long ancestorsFrom(BlockHeader checkpoint) {
    return Math.max(1, checkpoint.number() - 2L * parameters.slotsPerEpoch() - 1);
  }

  private int ancestorCount(BlockHeader checkpoint) {
    return (int) (checkpoint.number() - ancestorsFrom(checkpoint));
  }

  /** Whether {@code headers} are the chain right before {@code checkpoint}, linked by hash down to genesis's child. */
  private Optional<String> ancestorProblem(BlockHeader checkpoint, List<BlockHeader> headers) {
    long from = ancestorsFrom(checkpoint);
    int count = ancestorCount(checkpoint);
    for (int i = 0; i < count; i++) {
      BlockHeader header = headers.get(i);
      Hash expectedChild = i + 1 < count ? headers.get(i + 1).parentHash() : checkpoint.parentHash();
      if (header.number() != from + i) {
        return Optional.of("header " + i + " is block " + header.number() + ", not " + (from + i));
      }
      if (!header.hash().equals(expectedChild)) {
        return Optional.of("block " + header.number() + " is not the parent of the block after it");
      }
    }
    if (from == 1 && !headers.getFirst().parentHash().equals(genesisHash)) {
      return Optional.of("block 1 does not build on this node's genesis");
    }
    return Optional.empty();
  }

  private void publish() {
    StateSyncProgress p = progress;
    progress = new StateSyncProgress(phase, proof.map(f -> f.checkpoint().number()).orElse(0L), p.accounts(),
        p.trieNodes(), p.bytes(), p.pendingNodes());
  }

  /** On the worker, after a change to the download. */
  private void publish(TrieDownload d) {
    progress = new StateSyncProgress(Phase.FETCHING_STATE, proof.map(f -> f.checkpoint().number()).orElse(0L),
        d.accounts(), d.nodesStored(), d.bytesStored(), d.wantedCount());
  }
}
