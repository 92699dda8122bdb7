package io.luxtensor.p2p;

import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.p2p.message.Message;
import io.luxtensor.p2p.message.Message.Bodies;
import io.luxtensor.p2p.message.Message.GetBodies;
import io.luxtensor.p2p.message.Message.GetFinalityProof;
import io.luxtensor.p2p.message.Message.GetHeaders;
import io.luxtensor.p2p.message.Message.GetTrieNodes;
import io.luxtensor.p2p.message.Message.Peers;
import io.luxtensor.p2p.message.Message.Ping;
import io.luxtensor.p2p.message.Message.Pong;
import io.luxtensor.p2p.message.Message.Status;
import io.luxtensor.p2p.message.Message.TrieNodes;
import io.luxtensor.p2p.message.MessageCodec;
import io.luxtensor.p2p.message.MessageType;
import io.luxtensor.p2p.transport.CloseReason;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.p2p.transport.NodeKey;
import io.luxtensor.p2p.transport.PeerConnection;
import io.luxtensor.p2p.transport.Transport;
import io.luxtensor.p2p.transport.TransportOptions;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.sync.PeerId;
import io.luxtensor.testing.SeededRandom;
import io.luxtensor.testing.TestChains;
import io.luxtensor.types.BlockBody;
import io.luxtensor.types.Transaction;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A peer that dials a node over the real transport, claims a real chain and serves its headers honestly, but
 * misbehaves with bodies as its {@link Behaviour} says: a faulty or hostile node, as sync meets them.
 */
final class ScriptedPeer {
  enum Behaviour {
    /** Answers every body request with bodies that do not match their headers. */
    CORRUPT_BODIES,
    /** Never answers a body request. */
    STALL,
    /** Closes the connection at its first body request. */
    DISCONNECT_ON_BODIES,
    /** Serves bodies, headers and finality proofs honestly, but one byte of the last trie node it sends is changed. */
    TAMPERED_TRIE_NODES
  }

  /**
   * Slipped into empty bodies. Made once: deriving its key from the dev mnemonic takes tens of milliseconds, and
   * corrupting runs on the event loop the nodes under test share.
   */
  private static final Transaction STRAY = TestChains.transfer(5, 0, 1);

  private final Behaviour behaviour;
  private final ChainDataServer server;
  private final Status status;
  private final NodeKey key;
  private final Transport transport;
  private final AtomicInteger bodyRequests = new AtomicInteger();
  private final AtomicInteger trieNodeRequests = new AtomicInteger();
  private PeerConnection connection;

  ScriptedPeer(Vertx vertx, long seed, Behaviour behaviour, ChainDatabase chain, Status status) {
    this.behaviour = behaviour;
    this.server = new ChainDataServer(chain);
    this.status = status;
    this.key = new NodeKey(PrivateKey.random(SeededRandom.of(seed)));
    this.transport = new Transport(vertx, key, SeededRandom.of(seed + 1), TransportOptions.defaults());
  }

  PeerId peerId() {
    return key.peerId();
  }

  int bodyRequests() {
    return bodyRequests.get();
  }

  int trieNodeRequests() {
    return trieNodeRequests.get();
  }

  ScriptedPeer connect(NodeAddress node) throws Exception {
    connection = transport.connect(node).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    // The status goes first: started, the connection may hand over the node's GetPeers at once, and the answer to
    // it must not overtake the status.
    send(status);
    connection.start(this::onMessage, closed -> { });
    return this;
  }

  private void onMessage(int code, byte[] payload) {
    Message message = MessageCodec.decode(MessageType.ofCode(code).orElseThrow(), payload);
    switch (message) {
      case Ping p -> send(new Pong(p.nonce()));
      case Message.GetPeers g -> send(new Peers(List.of()));
      case GetHeaders g -> send(server.headers(g));
      case GetBodies g -> {
        bodyRequests.incrementAndGet();
        switch (behaviour) {
          case CORRUPT_BODIES -> send(corrupt(server.bodies(g)));
          case STALL -> { }
          case DISCONNECT_ON_BODIES -> connection.disconnect(CloseReason.REQUESTED, "scripted to leave");
          case TAMPERED_TRIE_NODES -> send(server.bodies(g));
        }
      }
      case GetFinalityProof g -> send(server.finalityProof(g));
      case GetTrieNodes g -> {
        trieNodeRequests.incrementAndGet();
        TrieNodes honest = server.trieNodes(g);
        send(behaviour == Behaviour.TAMPERED_TRIE_NODES ? tamper(honest) : honest);
      }
      default -> { }
    }
  }

  /** Each body with a transaction more or less than the block holds: its roots no longer match. */
  private static Bodies corrupt(Bodies honest) {
    List<BlockBody> bodies = new ArrayList<>();
    for (BlockBody body : honest.bodies()) {
      List<Transaction> transactions = new ArrayList<>(body.transactions());
      if (transactions.isEmpty()) {
        transactions.add(STRAY);
      } else {
        transactions.removeLast();
      }
      bodies.add(new BlockBody(transactions, body.votes(), body.evidence()));
    }
    return new Bodies(honest.requestId(), bodies);
  }

  private static TrieNodes tamper(TrieNodes honest) {
    List<byte[]> nodes = new ArrayList<>(honest.nodes());
    if (!nodes.isEmpty()) {
      byte[] last = nodes.getLast().clone();
      last[last.length - 1] ^= 1;
      nodes.set(nodes.size() - 1, last);
    }
    return new TrieNodes(honest.requestId(), nodes);
  }

  private void send(Message message) {
    connection.send(message.type().code(), MessageCodec.encode(message));
  }
}
