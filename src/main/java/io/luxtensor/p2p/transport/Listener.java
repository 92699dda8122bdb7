package io.luxtensor.p2p.transport;

import io.vertx.core.Future;
import io.vertx.core.net.NetServer;

/** A bound {@link Transport} server: the port it got (useful after asking for port 0), and how to stop it. */
public final class Listener {
  private final NetServer server;

  Listener(NetServer server) {
    this.server = server;
  }

  public int port() {
    return server.actualPort();
  }

  /** Stops accepting; connections already made stay open. */
  public Future<Void> close() {
    return server.close();
  }
}
