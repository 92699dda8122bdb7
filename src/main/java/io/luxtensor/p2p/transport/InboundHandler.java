package io.luxtensor.p2p.transport;

import io.vertx.core.net.SocketAddress;

/** What a listening {@link Transport} does with the connections it accepts, on the listener's event loop. */
@FunctionalInterface
public interface InboundHandler {
  /** A peer finished the handshake; call {@link PeerConnection#start} to receive from it. */
  void accepted(PeerConnection connection);

  /** A socket was dropped before it became a connection; for scoring and logs, nothing needs doing. */
  default void rejected(SocketAddress remote, ConnectionClosed why) {}
}
