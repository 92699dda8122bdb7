package io.luxtensor.api.http;

import io.luxtensor.api.ApiObserver;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps open HTTP connections. The count goes up when a connection is accepted and down in its close handler, which
 * Vert.x runs for every close (clean, reset or timed out), so it never leaks. A connection over the cap is refused:
 * its first request is answered 503 with -32005 and the connection closed (HTTP/2: closed
 * {@link #REFUSED_LINGER_MS_MAX} after it opened); one that sends nothing is closed after that time too.
 */
final class HttpConnectionLimit {
  /** How long a refused connection may stay open to be told why: a client sends its request at once. */
  static final long REFUSED_LINGER_MS_MAX = 2_000;
  /** Refused connections kept open at once to be told why; beyond this they are closed without an answer. */
  static final int REFUSED_OPEN_MAX = 256;

  private final Vertx vertx;
  private final int connectionsMax;
  private final ApiObserver observer;
  private final AtomicInteger open = new AtomicInteger();
  private final Set<HttpConnection> refused = ConcurrentHashMap.newKeySet();

  HttpConnectionLimit(Vertx vertx, int connectionsMax, ApiObserver observer) {
    this.vertx = vertx;
    this.connectionsMax = connectionsMax;
    this.observer = observer;
  }

  /** The server's connection handler. */
  void onConnection(HttpConnection connection) {
    if (tryOpen()) {
      observer.onHttpConnectionOpened();
      connection.closeHandler(closed -> {
        open.decrementAndGet();
        observer.onHttpConnectionClosed();
      });
      return;
    }
    observer.onRefused(ApiObserver.Refusal.CONNECTIONS);
    if (refused.size() >= REFUSED_OPEN_MAX) {
      connection.close();
      return;
    }
    refused.add(connection);
    connection.closeHandler(closed -> refused.remove(connection));
    vertx.setTimer(REFUSED_LINGER_MS_MAX, timer -> connection.close());
  }

  /** The first request handler: answers the requests of refused connections. */
  void refuseOverLimit(RoutingContext ctx) {
    HttpConnection connection = ctx.request().connection();
    if (!refused.contains(connection)) {
      ctx.next();
      return;
    }
    // HTTP/2 has no Connection header (a client must treat it as malformed), and a connection closed or shut down
    // (GOAWAY) right after the answer lost it in about half of the tries of Java's HttpClient after an h2c upgrade:
    // there the linger timer closes the connection instead.
    boolean http2 = ctx.request().version() == HttpVersion.HTTP_2;
    if (!http2) {
      ctx.response().putHeader("Connection", "close");
    }
    HttpRefusal.send(ctx, observer, ApiObserver.Refusal.CONNECTIONS, 503, JsonRpcError.LIMIT_EXCEEDED,
        "too many connections: the limit is " + connectionsMax + " (api.connectionsMax)")
        .onComplete(sent -> {
          if (!http2) {
            connection.close();
          }
        });
  }

  int open() {
    return open.get();
  }

  private boolean tryOpen() {
    while (true) {
      int now = open.get();
      if (now >= connectionsMax) {
        return false;
      }
      if (open.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }
}
