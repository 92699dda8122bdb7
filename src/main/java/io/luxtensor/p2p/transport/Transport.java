package io.luxtensor.p2p.transport;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TCP between nodes, encrypted and authenticated with each node's key (DESIGN.md §6): dials {@link NodeAddress}es
 * and accepts connections, handing out {@link PeerConnection}s only once the peer has proven its node key.
 */
public final class Transport {
  private final Vertx vertx;
  private final NodeKey nodeKey;
  private final SecureRandom random;
  private final TransportOptions options;
  private final NetClient client;

  public Transport(Vertx vertx, NodeKey nodeKey, SecureRandom random, TransportOptions options) {
    this.vertx = vertx;
    this.nodeKey = nodeKey;
    this.random = random;
    this.options = options;
    this.client = vertx.createNetClient(new NetClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.handshakeTimeout().toMillis()))
        .setTcpNoDelay(true));
  }

  /**
   * Accepts connections on {@code host}:{@code port} (0 picks a free port: see {@link Listener#port()}). At most
   * {@link TransportLimits#HANDSHAKES_PENDING_MAX} handshakes run at once; sockets beyond are closed at once.
   */
  public Future<Listener> listen(String host, int port, InboundHandler inbound) {
    AtomicInteger pending = new AtomicInteger();
    return vertx.createNetServer()
        .connectHandler(socket -> accept(socket, pending, inbound))
        .listen(port, host)
        .map(Listener::new);
  }

  /**
   * Dials {@code address}. Fails with a {@link TransportException} if the handshake does (with
   * {@link CloseReason#WRONG_IDENTITY} if the node there holds another key), or with the socket's exception if
   * the TCP connection cannot be made.
   */
  public Future<PeerConnection> connect(NodeAddress address) {
    Context current = Vertx.currentContext();
    if (current != null && current.isEventLoopContext()) {
      return dial(address);
    }
    // Dialed from another thread, the connection completes on an event loop while the handshake's handler is set on
    // a later turn: the peer's hello could arrive in between and be lost, and its next frame taken for a hello
    // (seen as "wrong magic" on a 145-byte encrypted frame in the tests). From an event loop both happen in one turn.
    Promise<PeerConnection> dialed = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> dial(address).onComplete(dialed));
    return dialed.future();
  }

  private Future<PeerConnection> dial(NodeAddress address) {
    return client.connect(address.port(), address.host()).compose(socket -> HandshakeDriver.run(socket,
        () -> Handshake.initiator(nodeKey.privateKey(), address.key(), options.capabilities(), random), options));
  }

  /** Stops dialing; listeners and connections are closed on their own. */
  public Future<Void> close() {
    return client.close();
  }

  private void accept(NetSocket socket, AtomicInteger pending, InboundHandler inbound) {
    if (pending.incrementAndGet() > TransportLimits.HANDSHAKES_PENDING_MAX) {
      pending.decrementAndGet();
      socket.close();
      inbound.rejected(socket.remoteAddress(), new ConnectionClosed(CloseReason.TOO_MANY_HANDSHAKES,
          TransportLimits.HANDSHAKES_PENDING_MAX + " handshakes already in progress"));
      return;
    }
    HandshakeDriver.run(socket, () -> Handshake.responder(nodeKey.privateKey(), options.capabilities(), random),
            options)
        .onComplete(outcome -> {
          pending.decrementAndGet();
          if (outcome.succeeded()) {
            inbound.accepted(outcome.result());
          } else {
            inbound.rejected(socket.remoteAddress(), ((TransportException) outcome.cause()).toDisconnect());
          }
        });
  }
}
