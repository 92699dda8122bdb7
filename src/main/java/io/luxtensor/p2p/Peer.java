package io.luxtensor.p2p;

import io.luxtensor.types.Hash;
import io.luxtensor.p2p.message.Message;
import io.luxtensor.p2p.message.MessageCodec;
import io.luxtensor.p2p.transport.CloseReason;
import io.luxtensor.p2p.transport.PeerConnection;
import io.luxtensor.sync.PeerId;
import io.luxtensor.sync.PeerStatus;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One connected peer as the network sees it: its connection, what it said of its chain, what it is known to have,
 * and its limits. Touched on the network's context only.
 */
final class Peer {
  /** Messages a peer may send a second, and in a burst: gossip of a busy chain is far below, a flood is not. */
  static final long MESSAGES_PER_SECOND = 2_000;
  static final long MESSAGES_BURST = 4_000;
  /** Header or body requests a peer may have this node serve at once: more would let one peer hog storage reads. */
  static final int SERVING_MAX = 4;
  /** How many block, vote and transaction hashes to remember per peer, to send nobody what it already has. */
  static final int KNOWN_MAX = 8_192;

  private final PeerConnection connection;
  private final boolean outbound;
  private final TokenBucket messages;
  private final SeenCache known = new SeenCache(KNOWN_MAX);
  private Optional<PeerStatus> status = Optional.empty();
  private long lastHeardMillis;
  private long pingNonce;
  private long pingSentMillis;
  private OptionalLong rttMillis = OptionalLong.empty();
  private int serving;
  private boolean closing;

  Peer(PeerConnection connection, boolean outbound, long nowMillis) {
    this.connection = connection;
    this.outbound = outbound;
    this.messages = new TokenBucket(MESSAGES_PER_SECOND, MESSAGES_BURST, nowMillis);
    this.lastHeardMillis = nowMillis;
  }

  PeerId id() {
    return connection.peerId();
  }

  PeerConnection connection() {
    return connection;
  }

  boolean outbound() {
    return outbound;
  }

  void send(Message message) {
    if (!closing) {
      connection.send(message.type().code(), MessageCodec.encode(message));
    }
  }

  /** Sends {@code message} unless the peer is known to have {@code hash}, and from now on counts it as known. */
  boolean sendUnlessKnown(Hash hash, Message message) {
    if (!known.add(hash)) {
      return false;
    }
    send(message);
    return true;
  }

  void markKnown(Hash hash) {
    known.add(hash);
  }

  /** Counts {@code hash} as known to this peer; true if it was not before, so it should be sent. */
  boolean markKnownIfNew(Hash hash) {
    return known.add(hash);
  }

  /** Counts one message against the rate limit; false once the peer sends faster than allowed. */
  boolean admit(long nowMillis) {
    lastHeardMillis = nowMillis;
    return messages.tryTake(1, nowMillis);
  }

  long lastHeardMillis() {
    return lastHeardMillis;
  }

  Optional<PeerStatus> status() {
    return status;
  }

  void status(PeerStatus status) {
    this.status = Optional.of(status);
  }

  /** A block this peer sent or announced: its head is at least there. */
  void sawHead(long number, Hash hash) {
    status.filter(s -> number > s.headNumber())
        .ifPresent(s -> status = Optional.of(new PeerStatus(number, hash, s.finalizedNumber(), s.finalizedHash())));
  }

  long ping(long nonce, long nowMillis) {
    pingNonce = nonce;
    pingSentMillis = nowMillis;
    return nonce;
  }

  void pong(long nonce, long nowMillis) {
    if (nonce == pingNonce && pingSentMillis > 0) {
      rttMillis = OptionalLong.of(nowMillis - pingSentMillis);
      pingSentMillis = 0;
    }
  }

  OptionalLong rttMillis() {
    return rttMillis;
  }

  boolean startServing() {
    if (serving >= SERVING_MAX) {
      return false;
    }
    serving++;
    return true;
  }

  void doneServing() {
    serving--;
  }

  /** Sends {@code goodbye} and closes; nothing more is sent after. */
  void disconnect(Message.Disconnect goodbye) {
    if (closing) {
      return;
    }
    send(goodbye);
    closing = true;
    connection.disconnect(CloseReason.REQUESTED, goodbye.reason() + ": " + goodbye.detail());
  }

  @Override
  public String toString() {
    return id().shortString() + "@" + connection.remoteAddress();
  }
}
