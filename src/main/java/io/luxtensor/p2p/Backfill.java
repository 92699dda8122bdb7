package io.luxtensor.p2p;

import io.luxtensor.chain.BlockRoots;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.crypto.InvalidSignatureException;
import io.luxtensor.p2p.message.Message;
import io.luxtensor.p2p.message.Message.Bodies;
import io.luxtensor.p2p.message.Message.GetBodies;
import io.luxtensor.p2p.message.Message.GetHeaders;
import io.luxtensor.p2p.message.Message.Headers;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.WriteBatch;
import io.luxtensor.sync.PeerEvent;
import io.luxtensor.sync.PeerId;
import io.luxtensor.sync.PeerScores;
import io.luxtensor.types.Address;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockBody;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * The blocks before a state-sync checkpoint, fetched in the background once the node runs from it (DESIGN §6), so
 * that it serves and answers for the whole chain as a full node does, except for receipts: the blocks are stored,
 * not executed. It works down from the checkpoint, {@link Message#BODIES_MAX} blocks a step, one request at a time:
 * the headers first, accepted only if they link by hash to the block above them (the checkpoint is final, so the
 * chain below it is fixed by its parent hashes alone), then their bodies, accepted only if they match the headers'
 * roots. What is stored survives a restart ({@link ChainDatabase#backfillNext()}).
 *
 * <p>A peer whose headers do not link, or whose bodies do not match, is banned; one that has not the blocks is left
 * alone for a while; one that times out is scored down. Touched on the network's context only.
 */
final class Backfill {
  private static final System.Logger LOG = System.getLogger(Backfill.class.getName());
  static final long TIMEOUT_MS = 10_000;
  /** A peer that answered without the blocks is not asked again for this long: it may be a state-synced node too. */
  static final long LACKING_PEER_PAUSE_MS = 60_000;
  static final long LOG_INTERVAL_MS = 30_000;
  /** Apart from block sync's ids and state sync's, so that none takes another's answers. */
  private static final long FIRST_REQUEST_ID = (1L << 62) + (1L << 61);

  private record Asked(long id, PeerId peer, long sentAtMillis, long from, long to,
      Optional<List<BlockHeader>> headers) {}

  private final Context context;
  private final ChainDatabase database;
  private final Hash genesisHash;
  private final PeerScores scores;
  private final Map<PeerId, Peer> peers;
  private final BiConsumer<Peer, String> ban;
  private final LongSupplier clock;
  private final Map<PeerId, Long> lackingUntil = new TreeMap<>();
  private Optional<Asked> asked = Optional.empty();
  private boolean storing;
  private long nextRequestId = FIRST_REQUEST_ID;
  private long next;
  private final long startedAt;
  private long lastLogMillis;

  Backfill(Context context, ChainDatabase database, Hash genesisHash, PeerScores scores, Map<PeerId, Peer> peers,
      BiConsumer<Peer, String> ban, LongSupplier clock) {
    this.context = context;
    this.database = database;
    this.genesisHash = genesisHash;
    this.scores = scores;
    this.peers = peers;
    this.ban = ban;
    this.clock = clock;
    this.next = database.backfillNext();
    this.startedAt = next;
    this.lastLogMillis = clock.getAsLong();
  }

  /** The highest block still without a body; 0 once the node has every block. */
  long next() {
    return next;
  }

  boolean done() {
    return next == 0;
  }

  void tick() {
    long now = clock.getAsLong();
    if (asked.isPresent() && now - asked.get().sentAtMillis() > TIMEOUT_MS) {
      scores.record(asked.get().peer(), PeerEvent.TIMEOUT, now);
      asked = Optional.empty();
    }
    if (done() || storing || asked.isPresent()) {
      return;
    }
    if (now - lastLogMillis >= LOG_INTERVAL_MS) {
      lastLogMillis = now;
      LOG.log(System.Logger.Level.INFO, "backfill: " + (startedAt - next) + " of " + startedAt
          + " blocks before the state-sync checkpoint stored, " + next + " to go");
    }
    long from = Math.max(1, next - Message.BODIES_MAX + 1);
    lackingUntil.values().removeIf(until -> until <= now);
    peers.values().stream()
        .filter(p -> p.status().filter(s -> s.headNumber() >= next).isPresent())
        .filter(p -> !scores.isBanned(p.id(), now) && !lackingUntil.containsKey(p.id()))
        .findFirst()
        .ifPresent(peer -> {
          Asked request = new Asked(nextRequestId++, peer.id(), now, from, next, Optional.empty());
          asked = Optional.of(request);
          peer.send(new GetHeaders(request.id(), from, (int) (next - from + 1)));
        });
  }

  void onHeaders(Peer from, Headers message) {
    Optional<Asked> request = take(from, message.requestId()).filter(a -> a.headers().isEmpty());
    if (request.isEmpty()) {
      return;
    }
    Asked a = request.get();
    if (message.headers().size() != a.to() - a.from() + 1) {
      lacking(from);
      return;
    }
    Optional<String> problem = linkProblem(a, message.headers());
    if (problem.isPresent()) {
      ban.accept(from, "headers before the checkpoint: " + problem.get());
      return;
    }
    Asked bodies = new Asked(nextRequestId++, from.id(), clock.getAsLong(), a.from(), a.to(),
        Optional.of(message.headers()));
    asked = Optional.of(bodies);
    from.send(new GetBodies(bodies.id(), message.headers().reversed().stream().map(BlockHeader::hash).toList()));
  }

  void onBodies(Peer from, Bodies message) {
    Optional<Asked> request = take(from, message.requestId()).filter(a -> a.headers().isPresent());
    if (request.isEmpty()) {
      return;
    }
    if (message.bodies().isEmpty()) {
      lacking(from);
      return;
    }
    List<BlockHeader> downward = request.get().headers().orElseThrow().reversed();
    if (message.bodies().size() > downward.size()) {
      ban.accept(from, message.bodies().size() + " bodies for " + downward.size() + " headers");
      return;
    }
    storing = true;
    context.<Optional<String>>executeBlocking(() -> store(downward, message.bodies()), false)
        .onComplete(stored -> {
          storing = false;
          if (stored.failed()) {
            LOG.log(System.Logger.Level.ERROR, "backfill: storing blocks failed", stored.cause());
          } else if (stored.result().isPresent()) {
            ban.accept(from, stored.result().get());
          } else {
            scores.record(from.id(), PeerEvent.USEFUL_RESPONSE, clock.getAsLong());
            next = downward.get(message.bodies().size() - 1).number() - 1;
            if (done()) {
              LOG.log(System.Logger.Level.INFO, "backfill done: the node has every block from genesis");
            }
            tick();
          }
        });
  }

  void onPeerLeft(PeerId peer) {
    if (asked.filter(a -> a.peer().equals(peer)).isPresent()) {
      asked = Optional.empty();
    }
  }

  /** On a worker: checks each body against its header, recovers the senders, stores the blocks in one batch. */
  private Optional<String> store(List<BlockHeader> downward, List<BlockBody> bodies) {
    List<StoredBlock> blocks = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      BlockHeader header = downward.get(i);
      if (!BlockRoots.matches(header, bodies.get(i))) {
        return Optional.of("the body of block " + header.number() + " does not match its header");
      }
      Block block = bodies.get(i).withHeader(header);
      List<Address> senders = new ArrayList<>();
      for (Transaction tx : block.transactions()) {
        try {
          senders.add(RecoveredTransaction.recover(tx).sender());
        } catch (InvalidSignatureException e) {
          return Optional.of("block " + header.number() + " holds a transaction without a valid signature");
        }
      }
      blocks.add(new StoredBlock(block, senders));
    }
    try (WriteBatch batch = database.store().newBatch()) {
      database.writeBackfilledBlocks(batch, blocks, blocks.getLast().block().header().number() - 1);
      batch.commit();
    }
    return Optional.empty();
  }

  /**
   * Whether {@code headers}, blocks {@code a.from()..a.to()} in order, are the chain below the block above them:
   * each the parent of the next, the last the parent the stored block above names (or the stored header of that
   * number, for the checkpoint and the headers state sync fetched before it), the first a child of genesis if it is
   * block 1.
   */
  private Optional<String> linkProblem(Asked a, List<BlockHeader> headers) {
    Hash expected = database.canonicalHash(a.to())
        .or(() -> database.canonicalHash(a.to() + 1).flatMap(database::header).map(BlockHeader::parentHash))
        .orElseThrow(() -> new IllegalStateException("backfill lost the block above " + a.to()));
    for (int i = headers.size() - 1; i >= 0; i--) {
      BlockHeader header = headers.get(i);
      if (header.number() != a.from() + i) {
        return Optional.of("header " + i + " is block " + header.number() + ", not " + (a.from() + i));
      }
      if (!header.hash().equals(expected)) {
        return Optional.of("block " + header.number() + " is not the parent of the block above it");
      }
      expected = header.parentHash();
    }
    if (a.from() == 1 && !expected.equals(genesisHash)) {
      return Optional.of("block 1 does not build on this node's genesis");
    }
    return Optional.empty();
  }

  private void lacking(Peer peer) {
    scores.record(peer.id(), PeerEvent.EMPTY_OR_SHORT_RESPONSE, clock.getAsLong());
    lackingUntil.put(peer.id(), clock.getAsLong() + LACKING_PEER_PAUSE_MS);
  }

  private Optional<Asked> take(Peer from, long requestId) {
    Optional<Asked> request = asked.filter(a -> a.id() == requestId && a.peer().equals(from.id()));
    if (request.isPresent()) {
      asked = Optional.empty();
    }
    return request;
  }
}
