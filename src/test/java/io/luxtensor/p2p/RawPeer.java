package io.luxtensor.p2p;

import io.luxtensor.p2p.message.Message;
import io.luxtensor.p2p.message.Message.Disconnect;
import io.luxtensor.p2p.message.Message.Pong;
import io.luxtensor.p2p.message.MessageCodec;
import io.luxtensor.p2p.message.MessageType;
import io.luxtensor.p2p.transport.CloseReason;
import io.luxtensor.p2p.transport.ConnectionClosed;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.p2p.transport.NodeKey;
import io.luxtensor.p2p.transport.PeerConnection;
import io.luxtensor.p2p.transport.Transport;
import io.luxtensor.p2p.transport.TransportOptions;
import io.luxtensor.sync.PeerId;
import io.luxtensor.testing.SeededRandom;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A peer driven by the test: it sends what it is told, raw if need be, and queues what it receives. */
final class RawPeer implements AutoCloseable {
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  private final NodeKey key;
  private final PeerConnection connection;
  private final LinkedBlockingQueue<Message> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<ConnectionClosed> closed = new CompletableFuture<>();

  RawPeer(Vertx vertx, NodeKey key, NodeAddress target) throws Exception {
    this.key = key;
    Transport transport = new Transport(vertx, key, SeededRandom.of(key.peerId().hashCode()),
        TransportOptions.defaults());
    this.connection = transport.connect(target).toCompletionStage().toCompletableFuture()
        .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    connection.start((code, payload) -> received.add(MessageCodec.decode(MessageType.ofCode(code).orElseThrow(),
        payload)), closed::complete);
  }

  PeerId peerId() {
    return key.peerId();
  }

  boolean isClosed() {
    return closed.isDone();
  }

  void send(Message message) {
    sendRaw(message.type().code(), MessageCodec.encode(message));
  }

  void sendRaw(int code, byte[] payload) {
    connection.send(code, payload);
  }

  /**
   * Waits for the pong to ping {@code nonce} or for the end of the connection, keeping any disconnect message, so
   * a flood goes out in rounds and never outruns this side's own send queue.
   */
  void awaitPongOrClose(long nonce) throws InterruptedException {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (!closed.isDone() && System.nanoTime() < end) {
      Message message = received.poll(10, TimeUnit.MILLISECONDS);
      if (message instanceof Disconnect) {
        received.add(message);
        return;
      }
      if (message instanceof Pong pong && pong.nonce() == nonce) {
        return;
      }
    }
  }

  <T extends Message> T awaitMessage(Class<T> type) throws InterruptedException {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() < end) {
      Message message = received.poll(10, TimeUnit.MILLISECONDS);
      if (type.isInstance(message)) {
        return type.cast(message);
      }
      if (message == null && closed.isDone() && received.isEmpty()) {
        break;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " within " + DEADLINE + "; closed: "
        + closed.getNow(null));
  }

  Disconnect awaitDisconnect() throws Exception {
    Disconnect goodbye = awaitMessage(Disconnect.class);
    closed.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    return goodbye;
  }

  @Override
  public void close() {
    connection.disconnect(CloseReason.REQUESTED, "test done");
  }
}
