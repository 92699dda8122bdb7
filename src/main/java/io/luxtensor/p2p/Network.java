package io.luxtensor.p2p;

import io.luxtensor.api.NetworkStatus;
import io.luxtensor.chain.ChainParameters;
import io.luxtensor.consensus.SlashingEvidenceCheck;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.crypto.InvalidSignatureException;
import io.luxtensor.p2p.message.DisconnectReason;
import io.luxtensor.p2p.message.Message;
import io.luxtensor.p2p.message.Message.Bodies;
import io.luxtensor.p2p.message.Message.FinalityProofMessage;
import io.luxtensor.p2p.message.Message.GetFinalityProof;
import io.luxtensor.p2p.message.Message.GetTrieNodes;
import io.luxtensor.p2p.message.Message.TrieNodes;
import io.luxtensor.p2p.message.Message.Disconnect;
import io.luxtensor.p2p.message.Message.EvidenceMessage;
import io.luxtensor.p2p.message.Message.GetBodies;
import io.luxtensor.p2p.message.Message.GetHeaders;
import io.luxtensor.p2p.message.Message.GetPeers;
import io.luxtensor.p2p.message.Message.Headers;
import io.luxtensor.p2p.message.Message.NewBlock;
import io.luxtensor.p2p.message.Message.NewTransactions;
import io.luxtensor.p2p.message.Message.Peers;
import io.luxtensor.p2p.message.Message.Ping;
import io.luxtensor.p2p.message.Message.Pong;
import io.luxtensor.p2p.message.Message.Status;
import io.luxtensor.p2p.message.Message.VoteMessage;
import io.luxtensor.p2p.message.MessageCodec;
import io.luxtensor.p2p.message.MessageDecodingException;
import io.luxtensor.p2p.message.MessageType;
import io.luxtensor.p2p.transport.CloseReason;
import io.luxtensor.p2p.transport.ConnectionClosed;
import io.luxtensor.p2p.transport.Listener;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.p2p.transport.NodeKey;
import io.luxtensor.p2p.transport.PeerConnection;
import io.luxtensor.p2p.transport.Transport;
import io.luxtensor.p2p.transport.TransportOptions;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.sync.PeerEvent;
import io.luxtensor.sync.PeerId;
import io.luxtensor.sync.PeerScores;
import io.luxtensor.sync.PeerStatus;
import io.luxtensor.sync.SyncCounters;
import io.luxtensor.sync.SyncEvent;
import io.luxtensor.sync.SyncMode;
import io.luxtensor.sync.StateSyncProgress;
import io.luxtensor.sync.SyncProgress;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Transaction;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A node's place in the network: it listens and dials, greets each peer with its {@link Status} and drops those of
 * another chain, keeps peers alive with pings, exchanges addresses, gossips transactions, blocks and votes once the
 * chain has accepted them and evidence once checked, serves header and body ranges from storage, and syncs through
 * {@link BlockSync} when it falls behind. All of its state lives on one Vert.x context; the chain's listeners and
 * the connections hop onto it.
 */
public final class Network implements NetworkStatus, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Network.class.getName());
  public static final int PROTOCOL_VERSION = 1;
  /** How often the network looks at its peers, dials, syncs and flushes gossip. */
  static final long TICK_MS = 100;
  static final long PING_INTERVAL_MS = 5_000;
  /** A peer silent this long, pings unanswered, is gone. */
  static final long PEER_SILENCE_MS_MAX = 30_000;
  /** A peer must say which chain it is on this soon after connecting. */
  static final long STATUS_TIMEOUT_MS = 10_000;
  static final long REDIAL_MS_MIN = 1_000;
  static final long REDIAL_MS_MAX = 60_000;
  /**
   * Bootnodes are the peers an operator named (a validator's static peers): retried at least this often, so that a
   * link back from a partition carries votes within a few slots rather than after a minute of backoff.
   */
  static final long BOOTNODE_REDIAL_MS_MAX = 2_000;
  /** Blocks and votes go to at most this many peers each; they forward it on, so it still floods the network. */
  static final int FANOUT_MAX = 16;
  static final int SEEN_MAX = 65_536;
  /**
   * Transactions offered to a peer when it greets this node, as Ethereum clients announce their pool to a new peer:
   * those that went out before it connected would otherwise reach it only if another peer relays them.
   */
  static final int RECENT_TRANSACTIONS_MAX = 4_096;
  /** Addresses remembered from peer exchange; beyond it new ones are dropped. */
  static final int ADDRESS_BOOK_MAX = 1_024;

  private record Dialing(NodeAddress address, long notBeforeMillis, long backoffMillis, boolean connected) {}

  private final Vertx vertx;
  private final NodeKey nodeKey;
  private final NetworkConfig config;
  private final LocalChain chain;
  private final ValidatorSet validators;
  private final ChainParameters parameters;
  private final Hash genesisHash;
  private final LongSupplier clock;
  private final SecureRandom random;
  private final Transport transport;
  private final ChainDataServer server;
  private final ChainDatabase database;
  private final PeerScores scores = PeerScores.withDefaults();
  private final Map<PeerId, Peer> peers = new TreeMap<>();
  private final Map<PeerId, Dialing> addressBook = new TreeMap<>();
  private final SeenCache seen = new SeenCache(SEEN_MAX);
  /** A block was gossiped while a sync ran, which may end below it: a catch-up follows that sync. */
  private boolean blockPassedDuringSync;
  private final List<Transaction> transactionsToGossip = new ArrayList<>();
  /** The last transactions gossiped, for peers that greet this node after they went out. */
  private final ArrayDeque<Transaction> recentTransactions = new ArrayDeque<>();
  private final PeerTable peerTable;
  private final List<Consumer<SyncEvent>> syncListeners = new CopyOnWriteArrayList<>();
  private Context context;
  private BlockSync sync;
  /** Present from start to the adopted checkpoint on a node started at genesis with {@code --sync-mode snap}. */
  private Optional<StateSync> stateSync = Optional.empty();
  private Optional<Backfill> backfill = Optional.empty();
  private volatile Listener listener;
  private long timer;
  private volatile int peerCount;
  private volatile long transactionsFlushed;
  private volatile long bestKnownBlock;
  private volatile boolean closed;

  public Network(Vertx vertx, NodeKey nodeKey, NetworkConfig config, LocalChain chain, ChainDatabase database,
      ValidatorSet validators, ChainParameters parameters, Hash genesisHash, LongSupplier clock, SecureRandom random) {
    this.vertx = vertx;
    this.nodeKey = nodeKey;
    this.config = config;
    this.chain = chain;
    this.parameters = parameters;
    this.genesisHash = genesisHash;
    this.clock = clock;
    this.random = random;
    this.transport = new Transport(vertx, nodeKey, random, TransportOptions.defaults());
    this.server = new ChainDataServer(database);
    this.database = database;
    this.peerTable = new PeerTable(config.peerTable());
    this.validators = validators;
  }

  /** Listens, dials the bootnodes and the remembered peers, and starts gossip and sync; returns once listening. */
  public Network start() {
    context = vertx.getOrCreateContext();
    sync = new BlockSync(context, chain, validators, parameters, config.sync(), scores, clock, peers,
        config.followDistance(), this::dropBanned, this::onSyncChange);
    if (config.syncMode() == SyncMode.SNAP && chain.latest().number() == 0) {
      stateSync = Optional.of(new StateSync(context, chain, database, validators, parameters, genesisHash, scores,
          peers, this::banForInvalidData, clock, () -> {
            sync.catchUp();
            startBackfill();
          }));
    } else {
      startBackfill();
    }
    CompletableFuture<Listener> listening = new CompletableFuture<>();
    context.runOnContext(v -> {
      long now = clock.getAsLong();
      config.bootnodes().forEach(a -> remember(a, now));
      peerTable.load().forEach(a -> remember(a, now));
      transport.listen(config.host(), config.port(), connection -> onContext(() -> accept(connection, false)))
          .onComplete(r -> {
            if (r.succeeded()) {
              listening.complete(r.result());
            } else {
              listening.completeExceptionally(r.cause());
            }
          });
      timer = vertx.setPeriodic(TICK_MS, id -> tick());
    });
    listener = listening.orTimeout(30, TimeUnit.SECONDS).join();
    chain.onNewHead(block -> onContext(() -> onNewHead(block)));
    chain.onVote(vote -> onContext(() -> gossipVote(vote, Optional.empty())));
    chain.onPendingTransaction(tx -> onContext(() -> transactionsToGossip.add(tx)));
    LOG.log(System.Logger.Level.INFO, "p2p listening at " + address());
    return this;
  }

  /** This node's address, for other nodes' {@code --bootnodes}. */
  public NodeAddress address() {
    String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
    return new NodeAddress(nodeKey.publicKey(), host, listener.port());
  }

  public PeerId peerId() {
    return nodeKey.peerId();
  }

  /** Dials {@code address} now, and again after it drops. */
  public void addPeer(NodeAddress address) {
    onContext(() -> remember(address, 0));
  }

  @Override
  public boolean listening() {
    return listener != null && !closed;
  }

  @Override
  public int peerCount() {
    return peerCount;
  }

  @Override
  public int peerLimit() {
    return config.peersMax();
  }

  @Override
  public long bestKnownBlockNumber() {
    return Math.max(bestKnownBlock, chain.latest().number());
  }

  @Override
  public Optional<SyncProgress> syncProgress() {
    if (snapping()) {
      return Optional.of(SyncProgress.start(chain.latest().number(), bestKnownBlockNumber(), clock.getAsLong()));
    }
    return sync.progress();
  }

  @Override
  public SyncCounters syncCounters() {
    return sync.counters();
  }

  @Override
  public void onSyncChange(Consumer<SyncEvent> listener) {
    syncListeners.add(listener);
  }

  /** Transactions this node has sent out to whoever was connected then (for tests). */
  long transactionsFlushed() {
    return transactionsFlushed;
  }

  /** Whether {@code peer} is banned now (for tests and the admin API). */
  public boolean isBanned(PeerId peer) {
    return scores.isBanned(peer, clock.getAsLong());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    CompletableFuture<Void> done = new CompletableFuture<>();
    onContext(() -> {
      vertx.cancelTimer(timer);
      peerTable.save(addressBook.values().stream().map(Dialing::address).toList());
      List.copyOf(peers.values()).forEach(p ->
          p.disconnect(new Disconnect(DisconnectReason.SHUTTING_DOWN, "the node is stopping")));
      Future<Void> stop = listener == null ? Future.succeededFuture() : listener.close();
      stop.compose(v -> transport.close()).onComplete(r -> done.complete(null));
    });
    done.orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
  }

  private void onContext(Runnable action) {
    context.runOnContext(v -> action.run());
  }

  private void remember(NodeAddress address, long now) {
    if (address.peerId().equals(peerId()) || addressBook.size() >= ADDRESS_BOOK_MAX
        && !addressBook.containsKey(address.peerId())) {
      return;
    }
    addressBook.putIfAbsent(address.peerId(), new Dialing(address, now, REDIAL_MS_MIN, false));
  }

  private void tick() {
    if (closed) {
      return;
    }
    long now = clock.getAsLong();
    dial(now);
    for (Peer peer : List.copyOf(peers.values())) {
      if (peer.status().isEmpty() && now - peer.lastHeardMillis() > STATUS_TIMEOUT_MS
          || now - peer.lastHeardMillis() > PEER_SILENCE_MS_MAX) {
        peer.disconnect(new Disconnect(DisconnectReason.TIMEOUT, "silent for " + (now - peer.lastHeardMillis())
            + " ms"));
      } else if (now - peer.lastHeardMillis() > PING_INTERVAL_MS) {
        peer.send(new Ping(peer.ping(random.nextLong() & Long.MAX_VALUE, now)));
      }
    }
    bestKnownBlock = peers.values().stream().flatMap(p -> p.status().stream())
        .mapToLong(PeerStatus::headNumber).max().orElse(0);
    flushTransactions();
    if (snapping()) {
      stateSync.orElseThrow().tick();
    } else {
      sync.tick();
      backfill.ifPresent(Backfill::tick);
    }
  }

  /** Fetches the blocks before the state-sync checkpoint this node started from, if it lacks any. */
  private void startBackfill() {
    if (database.backfillNext() > 0) {
      backfill = Optional.of(new Backfill(context, database, genesisHash, scores, peers, this::banForInvalidData,
          clock));
    }
  }

  private void banForInvalidData(Peer peer, String why) {
    punish(peer, PeerEvent.INVALID_DATA, DisconnectReason.INVALID_DATA, why);
  }

  /** Whether state sync is still getting the node its starting checkpoint: block sync and gossip wait for it. */
  private boolean snapping() {
    return stateSync.filter(s -> !s.done()).isPresent();
  }

  @Override
  public Optional<StateSyncProgress> stateSyncProgress() {
    return stateSync.map(StateSync::progress);
  }

  private void dial(long now) {
    long outbound = peers.values().stream().filter(Peer::outbound).count();
    for (Dialing entry : List.copyOf(addressBook.values())) {
      if (outbound >= config.outboundPeersMax()) {
        return;
      }
      PeerId id = entry.address().peerId();
      if (entry.connected() || peers.containsKey(id) || now < entry.notBeforeMillis() || scores.isBanned(id, now)) {
        continue;
      }
      outbound++;
      addressBook.put(id, new Dialing(entry.address(), Long.MAX_VALUE, entry.backoffMillis(), true));
      transport.connect(entry.address()).onComplete(r -> onContext(() -> {
        if (r.succeeded()) {
          accept(r.result(), true);
        } else {
          LOG.log(System.Logger.Level.DEBUG, "dialing " + entry.address() + " failed: " + r.cause().getMessage());
          redialLater(id);
        }
      }));
    }
  }

  private void redialLater(PeerId id) {
    Dialing entry = addressBook.get(id);
    if (entry != null) {
      long most = config.bootnodes().stream().anyMatch(b -> b.peerId().equals(id)) ? BOOTNODE_REDIAL_MS_MAX
          : REDIAL_MS_MAX;
      long backoff = Math.min(most, entry.backoffMillis() * 2);
      addressBook.put(id, new Dialing(entry.address(), clock.getAsLong() + entry.backoffMillis(), backoff, false));
    }
  }

  private void accept(PeerConnection connection, boolean outbound) {
    long now = clock.getAsLong();
    Peer peer = new Peer(connection, outbound, now);
    Peer existing = peers.get(connection.peerId());
    boolean replacing = existing != null && replacesExisting(existing, outbound);
    Optional<Disconnect> refusal = closed ? Optional.of(new Disconnect(DisconnectReason.SHUTTING_DOWN, "stopping"))
        : connection.peerId().equals(peerId())
            ? Optional.of(new Disconnect(DisconnectReason.SELF_CONNECTION, "that is this node"))
        : existing != null && !replacing
            ? Optional.of(new Disconnect(DisconnectReason.ALREADY_CONNECTED, "already connected"))
        : scores.isBanned(connection.peerId(), now)
            ? Optional.of(new Disconnect(DisconnectReason.BANNED, "banned until "
                + scores.bannedUntil(connection.peerId()).orElse(now)))
        : !outbound && peers.values().stream().filter(p -> !p.outbound()).count() >= config.inboundPeersMax()
            ? Optional.of(new Disconnect(DisconnectReason.TOO_MANY_PEERS, "inbound peers are full"))
        : Optional.empty();
    if (refusal.isPresent()) {
      connection.start((type, payload) -> {}, closed -> {});
      peer.disconnect(refusal.get());
      if (outbound) {
        // Out of its in-flight state: should the connection kept instead close, the peer is dialed again.
        redialLater(connection.peerId());
      }
      return;
    }
    if (replacing) {
      String why = "replaced by the connection the lower node id dialed";
      existing.disconnect(new Disconnect(DisconnectReason.ALREADY_CONNECTED, why));
      forget(existing, why);
    }
    peers.put(peer.id(), peer);
    peerCount = peers.size();
    connection.start((type, payload) -> onContext(() -> onMessage(peer, type, payload)),
        why -> onContext(() -> onClosed(peer, why)));
    peer.send(status());
    if (config.discovery()) {
      peer.send(new GetPeers());
    }
    LOG.log(System.Logger.Level.DEBUG, (outbound ? "connected to " : "accepted ") + peer);
  }

  /**
   * Whether a new connection with a peer already connected takes the place of the existing one. Two nodes that dial
   * each other at once each see the other's connection first; were each to keep the first it saw, each would close
   * the one the other kept, and both would be left with none. Both keep the connection the lower node id dialed.
   */
  private boolean replacesExisting(Peer existing, boolean outbound) {
    if (existing.outbound() == outbound) {
      return false;
    }
    boolean thisNodeIsLower = peerId().compareTo(existing.id()) < 0;
    return outbound == thisNodeIsLower;
  }

  private void onClosed(Peer peer, ConnectionClosed why) {
    if (peers.get(peer.id()) != peer) {
      return;
    }
    forget(peer, why.toString());
  }

  /** {@code peer} is gone: sync stops asking it, and a peer this node dialed is dialed again after a pause. */
  private void forget(Peer peer, String why) {
    peers.remove(peer.id());
    peerCount = peers.size();
    sync.onPeerLeft(peer.id());
    stateSync.ifPresent(s -> s.onPeerLeft(peer.id()));
    backfill.ifPresent(b -> b.onPeerLeft(peer.id()));
    LOG.log(System.Logger.Level.DEBUG, "peer " + peer + " left: " + why);
    if (peer.outbound()) {
      Dialing entry = addressBook.get(peer.id());
      if (entry != null) {
        addressBook.put(peer.id(), new Dialing(entry.address(), 0, REDIAL_MS_MIN, false));
      }
      redialLater(peer.id());
    }
  }

  private Status status() {
    BlockHeader latest = chain.latest();
    BlockHeader finalized = chain.finalized();
    return new Status(PROTOCOL_VERSION, parameters.chainId(), genesisHash, latest.number(), latest.hash(),
        finalized.number(), finalized.hash());
  }

  private void onMessage(Peer peer, int code, byte[] payload) {
    long now = clock.getAsLong();
    if (peers.get(peer.id()) != peer) {
      return;
    }
    if (!peer.admit(now)) {
      punish(peer, PeerEvent.PROTOCOL_VIOLATION, DisconnectReason.BREACH_OF_PROTOCOL,
          "more than " + Peer.MESSAGES_PER_SECOND + " messages a second");
      return;
    }
    Optional<MessageType> type = MessageType.ofCode(code);
    if (type.isEmpty()) {
      punish(peer, PeerEvent.PROTOCOL_VIOLATION, DisconnectReason.BREACH_OF_PROTOCOL, "unknown message type " + code);
      return;
    }
    Message message;
    try {
      message = MessageCodec.decode(type.get(), payload);
    } catch (MessageDecodingException e) {
      punish(peer, PeerEvent.INVALID_DATA, DisconnectReason.INVALID_DATA, e.getMessage());
      return;
    }
    if (peer.status().isEmpty() && !(message instanceof Status) && !(message instanceof Disconnect)) {
      punish(peer, PeerEvent.PROTOCOL_VIOLATION, DisconnectReason.BREACH_OF_PROTOCOL,
          "sent " + type.get() + " before its status");
      return;
    }
    switch (message) {
      case Status s -> onStatus(peer, s);
      case Disconnect d -> {
        LOG.log(System.Logger.Level.DEBUG, "peer " + peer + " disconnects: " + d.reason() + " " + d.detail());
        peer.connection().disconnect(CloseReason.REMOTE_CLOSED, d.reason().toString());
      }
      case Ping p -> peer.send(new Pong(p.nonce()));
      case Pong p -> peer.pong(p.nonce(), now);
      case GetHeaders g -> serve(peer, () -> server.headers(g));
      case GetBodies g -> serve(peer, () -> server.bodies(g));
      case GetFinalityProof g -> serve(peer, () -> server.finalityProof(g));
      case GetTrieNodes g -> serve(peer, () -> server.trieNodes(g));
      case Headers h -> {
        sync.onHeaders(peer, h);
        stateSync.ifPresent(s -> s.onHeaders(peer, h));
        backfill.ifPresent(b -> b.onHeaders(peer, h));
      }
      case FinalityProofMessage f -> stateSync.ifPresent(s -> s.onFinalityProof(peer, f));
      case TrieNodes t -> stateSync.ifPresent(s -> s.onTrieNodes(peer, t));
      case Bodies b -> {
        sync.onBodies(peer, b);
        backfill.ifPresent(f -> f.onBodies(peer, b));
      }
      case NewBlock n -> onNewBlock(peer, n);
      case NewTransactions n -> onTransactions(peer, n.transactions());
      case VoteMessage v -> onVote(peer, v.vote());
      case EvidenceMessage e -> onEvidence(peer, e);
      case GetPeers g -> peer.send(new Peers(addressBook.values().stream()
          .map(d -> d.address().toString()).limit(Message.PEERS_MAX).toList()));
      case Peers p -> p.addresses().stream().filter(text -> config.discovery()).forEach(text -> {
        try {
          remember(NodeAddress.parse(text), now);
        } catch (IllegalArgumentException e) {
          LOG.log(System.Logger.Level.DEBUG, "peer " + peer + " shared a bad address: " + e.getMessage());
        }
      });
    }
  }

  private void onStatus(Peer peer, Status s) {
    Optional<Disconnect> mismatch = s.protocolVersion() != PROTOCOL_VERSION
        ? Optional.of(new Disconnect(DisconnectReason.WRONG_PROTOCOL_VERSION, "this node speaks version "
            + PROTOCOL_VERSION + ", not " + s.protocolVersion()))
        : s.chainId() != parameters.chainId()
            ? Optional.of(new Disconnect(DisconnectReason.WRONG_CHAIN, "this node is on chain " + parameters.chainId()
                + ", not " + s.chainId()))
        : !s.genesisHash().equals(genesisHash)
            ? Optional.of(new Disconnect(DisconnectReason.WRONG_GENESIS, "this node's genesis is " + genesisHash))
        : Optional.empty();
    if (mismatch.isPresent()) {
      LOG.log(System.Logger.Level.INFO, "dropping " + peer + ": " + mismatch.get().detail());
      // A node of another chain stays one: dialing it again would only repeat this.
      addressBook.remove(peer.id());
      peer.disconnect(mismatch.get());
      return;
    }
    boolean greeting = peer.status().isEmpty();
    try {
      peer.status(new PeerStatus(s.headNumber(), s.headHash(), s.finalizedNumber(), s.finalizedHash()));
    } catch (IllegalArgumentException e) {
      punish(peer, PeerEvent.INVALID_DATA, DisconnectReason.INVALID_DATA, e.getMessage());
      return;
    }
    if (greeting) {
      sendUnknown(peer, recentTransactions);
    }
    peer.markKnown(s.headHash());
    bestKnownBlock = Math.max(bestKnownBlock, s.headNumber());
  }

  private void serve(Peer peer, Callable<Message> answer) {
    if (!peer.startServing()) {
      punish(peer, PeerEvent.PROTOCOL_VIOLATION, DisconnectReason.BREACH_OF_PROTOCOL,
          "more than " + Peer.SERVING_MAX + " requests at once");
      return;
    }
    context.executeBlocking(answer, false).onComplete(r -> {
      peer.doneServing();
      if (r.succeeded()) {
        peer.send(r.result());
      } else {
        LOG.log(System.Logger.Level.WARNING, "serving " + peer + " failed: " + r.cause());
      }
    });
  }

  private void onNewBlock(Peer peer, NewBlock message) {
    Hash hash = message.block().hash();
    peer.markKnown(hash);
    peer.sawHead(message.block().header().number(), hash);
    bestKnownBlock = Math.max(bestKnownBlock, message.block().header().number());
    if (sync.syncing() || snapping()) {
      // Not marked seen: another peer's announcement of it after the sync is not to be ignored either.
      blockPassedDuringSync = true;
      return;
    }
    if (!seen.add(hash)) {
      return;
    }
    chain.importBlock(message.block()).whenComplete((received, error) -> onContext(() -> {
      if (error != null) {
        LOG.log(System.Logger.Level.WARNING, "importing block " + hash + " failed: " + error);
        return;
      }
      switch (received.verdict()) {
        case ACCEPTED -> scores.record(peer.id(), PeerEvent.GOSSIP_ACCEPTED, clock.getAsLong());
        case REJECTED -> punish(peer, PeerEvent.GOSSIP_REJECTED, DisconnectReason.INVALID_DATA,
            "block " + hash + " is invalid: " + received.reason());
        case WAITING -> sync.catchUpFrom(peer.id());
        case ALREADY_KNOWN, IGNORED -> { }
      }
    }));
  }

  /**
   * A sync ends where its target was when it began: blocks gossiped meanwhile were passed over, and on a chain that
   * has stopped growing no later block would bring this node up to them, so it catches up with its peers' heads.
   */
  private void onSyncChange(SyncEvent event) {
    syncListeners.forEach(l -> l.accept(event));
    if (!event.syncing() && blockPassedDuringSync) {
      blockPassedDuringSync = false;
      context.runOnContext(v -> sync.catchUp());
    }
  }

  private void onNewHead(Block block) {
    if (sync.syncing() || snapping()) {
      return;
    }
    seen.add(block.hash());
    Status status = status();
    NewBlock announcement = new NewBlock(block);
    int sent = 0;
    for (Peer peer : peers.values()) {
      if (peer.status().isEmpty()) {
        continue;
      }
      if (sent < FANOUT_MAX && peer.sendUnlessKnown(block.hash(), announcement)) {
        sent++;
      }
      peer.send(status);
    }
  }

  private void gossipVote(SignedVote vote, Optional<Peer> from) {
    Hash hash = Hash.keccak(Rlp.encode(vote.toRlp()));
    from.ifPresent(p -> p.markKnown(hash));
    seen.add(hash);
    fanOut(hash, new VoteMessage(vote));
  }

  /** Sends {@code message} to at most {@link #FANOUT_MAX} greeted peers not known to have it. */
  private void fanOut(Hash hash, Message message) {
    int sent = 0;
    for (Peer peer : peers.values()) {
      if (sent >= FANOUT_MAX) {
        return;
      }
      if (peer.status().isPresent() && peer.sendUnlessKnown(hash, message)) {
        sent++;
      }
    }
  }

  /**
   * Evidence of a slashable offence is checked (signatures, slots, the accused a validator) on a worker, then passed
   * on: anyone may put valid evidence in a block, so every node should come to hold it. Evidence that proves nothing
   * costs its sender as an invalid gossiped block would.
   */
  private void onEvidence(Peer peer, EvidenceMessage message) {
    Hash hash = Hash.keccak(MessageCodec.encode(message));
    peer.markKnown(hash);
    if (!seen.add(hash)) {
      return;
    }
    long nextSlot = parameters.slotAt(clock.getAsLong()) + 1;
    context.executeBlocking(() -> SlashingEvidenceCheck.problem(message.evidence(), slot -> validators,
        parameters.chainId(), nextSlot), false).onComplete(checked -> {
          if (checked.failed()) {
            LOG.log(System.Logger.Level.WARNING, "checking evidence from " + peer + " failed: " + checked.cause());
          } else if (checked.result().isPresent()) {
            punish(peer, PeerEvent.GOSSIP_REJECTED, DisconnectReason.INVALID_DATA,
                "evidence that proves nothing: " + checked.result().get());
          } else {
            scores.record(peer.id(), PeerEvent.GOSSIP_ACCEPTED, clock.getAsLong());
            fanOut(hash, message);
          }
        });
  }

  private void onVote(Peer peer, SignedVote vote) {
    Hash hash = Hash.keccak(Rlp.encode(vote.toRlp()));
    peer.markKnown(hash);
    if (!seen.add(hash)) {
      return;
    }
    chain.importVote(vote).whenComplete((received, error) -> onContext(() -> {
      if (error != null) {
        LOG.log(System.Logger.Level.WARNING, "importing a vote failed: " + error);
        return;
      }
      switch (received.verdict()) {
        case ACCEPTED -> {
          scores.record(peer.id(), PeerEvent.GOSSIP_ACCEPTED, clock.getAsLong());
          gossipVote(vote, Optional.of(peer));
        }
        case REJECTED -> punish(peer, PeerEvent.GOSSIP_REJECTED, DisconnectReason.INVALID_DATA,
            "invalid vote: " + received.reason());
        case ALREADY_KNOWN, WAITING, IGNORED -> { }
      }
    }));
  }

  private void onTransactions(Peer peer, List<Transaction> transactions) {
    List<Transaction> fresh = new ArrayList<>();
    for (Transaction tx : transactions) {
      Hash hash = tx.hash();
      peer.markKnown(hash);
      if (seen.add(hash)) {
        fresh.add(tx);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    context.executeBlocking(() -> fresh.stream().map(Network::recover).toList(), false).onComplete(r -> {
      if (r.failed()) {
        LOG.log(System.Logger.Level.WARNING, "checking transactions from " + peer + " failed: " + r.cause());
        return;
      }
      List<Optional<RecoveredTransaction>> recovered = r.result();
      long invalid = recovered.stream().filter(Optional::isEmpty).count();
      if (invalid > 0) {
        punish(peer, PeerEvent.INVALID_DATA, DisconnectReason.INVALID_DATA,
            invalid + " gossiped transactions carry no valid signature");
        return;
      }
      recovered.forEach(tx -> chain.submit(tx.orElseThrow()));
    });
  }

  private static Optional<RecoveredTransaction> recover(Transaction tx) {
    try {
      return Optional.of(RecoveredTransaction.recover(tx));
    } catch (InvalidSignatureException e) {
      return Optional.empty();
    }
  }

  private void flushTransactions() {
    if (transactionsToGossip.isEmpty()) {
      return;
    }
    transactionsToGossip.forEach(tx -> seen.add(tx.hash()));
    for (Peer peer : peers.values()) {
      if (peer.status().isPresent()) {
        sendUnknown(peer, transactionsToGossip);
      }
    }
    recentTransactions.addAll(transactionsToGossip);
    transactionsFlushed += transactionsToGossip.size();
    while (recentTransactions.size() > RECENT_TRANSACTIONS_MAX) {
      recentTransactions.removeFirst();
    }
    transactionsToGossip.clear();
  }

  /** Sends {@code peer} those of {@code transactions} it is not known to have, in messages within the cap. */
  private void sendUnknown(Peer peer, Collection<Transaction> transactions) {
    List<Transaction> unknown = transactions.stream().filter(tx -> peer.markKnownIfNew(tx.hash())).toList();
    for (int from = 0; from < unknown.size(); from += Message.TRANSACTIONS_MAX) {
      peer.send(new NewTransactions(unknown.subList(from, Math.min(unknown.size(), from + Message.TRANSACTIONS_MAX))));
    }
  }

  private void punish(Peer peer, PeerEvent event, DisconnectReason reason, String detail) {
    boolean banned = scores.record(peer.id(), event, clock.getAsLong());
    LOG.log(System.Logger.Level.INFO, "peer " + peer + (banned ? " banned: " : ": ") + detail);
    if (banned || event == PeerEvent.PROTOCOL_VIOLATION || event == PeerEvent.INVALID_DATA) {
      peer.disconnect(new Disconnect(banned ? DisconnectReason.BANNED : reason, detail));
    }
  }

  private void dropBanned(PeerId id) {
    Peer peer = peers.get(id);
    if (peer != null) {
      peer.disconnect(new Disconnect(DisconnectReason.BANNED, "it served invalid blocks"));
    }
  }
}
