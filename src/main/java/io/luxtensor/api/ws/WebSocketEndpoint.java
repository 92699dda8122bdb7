package io.luxtensor.api.ws;

import io.luxtensor.api.http.ApiEndpoint;
import io.luxtensor.api.jsonrpc.JsonRpcProcessor;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;

/** JSON-RPC over WebSocket: an upgrade on {@code /}, at most {@link WebSocketConfig#connectionsMax()} at once. */
public final class WebSocketEndpoint implements ApiEndpoint {
  private final JsonRpcProcessor processor;
  private final SubscriptionHub hub;
  private final WebSocketConfig config;
  private final AtomicInteger open = new AtomicInteger();

  public WebSocketEndpoint(JsonRpcProcessor processor, SubscriptionHub hub, WebSocketConfig config) {
    this.processor = processor;
    this.hub = hub;
    this.config = config;
  }

  /** Connections open now. */
  public int openConnections() {
    return open.get();
  }

  @Override
  public void mount(Router router, WorkerExecutor workers) {
    router.get("/").handler(ctx -> {
      String upgrade = ctx.request().getHeader(HttpHeaders.UPGRADE);
      if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
        ctx.next();
        return;
      }
      upgrade(ctx, workers);
    });
  }

  private void upgrade(RoutingContext ctx, WorkerExecutor workers) {
    if (open.incrementAndGet() > config.connectionsMax()) {
      open.decrementAndGet();
      ctx.response().setStatusCode(503).end("too many WebSocket connections (limit " + config.connectionsMax() + ")\n");
      return;
    }
    ctx.request().toWebSocket().onComplete(upgraded -> {
      if (upgraded.failed()) {
        open.decrementAndGet();
        return;
      }
      var socket = upgraded.result();
      WebSocketSession session = new WebSocketSession(socket, workers, hub, config, processor);
      socket.textMessageHandler(text -> session.onMessage(Buffer.buffer(text)));
      socket.binaryMessageHandler(session::onMessage);
      socket.closeHandler(closed -> {
        session.closed();
        open.decrementAndGet();
      });
    });
  }
}
