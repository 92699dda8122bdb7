package io.luxtensor.p2p.transport;

import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.testing.SeededRandom;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A transport listening on loopback (port 0) that records what it accepts and rejects, for socket tests. */
final class LoopbackNode {
  static final long WAIT_SECONDS = 10;

  final NodeKey key;
  final Transport transport;
  final Listener listener;
  final BlockingQueue<PeerConnection> accepted = new LinkedBlockingQueue<>();
  final BlockingQueue<ConnectionClosed> rejected = new LinkedBlockingQueue<>();

  LoopbackNode(Vertx vertx, long seed, TransportOptions options) throws Exception {
    this.key = new NodeKey(PrivateKey.random(SeededRandom.of(seed)));
    this.transport = new Transport(vertx, key, SeededRandom.of(seed + 1), options);
    this.listener = await(transport.listen("127.0.0.1", 0, new InboundHandler() {
      @Override
      public void accepted(PeerConnection connection) {
        LoopbackNode.this.accepted.add(connection);
      }

      @Override
      public void rejected(SocketAddress remote, ConnectionClosed why) {
        LoopbackNode.this.rejected.add(why);
      }
    }));
  }

  NodeAddress address() {
    return new NodeAddress(key.publicKey(), "127.0.0.1", listener.port());
  }

  PeerConnection nextAccepted() throws InterruptedException {
    return poll(accepted, "an accepted connection");
  }

  ConnectionClosed nextRejected() throws InterruptedException {
    return poll(rejected, "a rejected connection");
  }

  void close() throws Exception {
    await(listener.close());
    await(transport.close());
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  static <T> T poll(BlockingQueue<T> queue, String what) throws InterruptedException {
    T item = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (item == null) {
      throw new AssertionError("no " + what + " within " + WAIT_SECONDS + " s");
    }
    return item;
  }

  /** A started connection's received messages and end. */
  static final class Inbox {
    final BlockingQueue<RawMessage> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<ConnectionClosed> closed = new CompletableFuture<>();

    static Inbox of(PeerConnection connection) {
      Inbox inbox = new Inbox();
      connection.start((type, payload) -> inbox.messages.add(new RawMessage(type, payload)), inbox.closed::complete);
      return inbox;
    }

    RawMessage next() throws InterruptedException {
      return poll(messages, "message");
    }
  }
}
