package io.luxtensor.api.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.List;

/**
 * The API listener: checks the Host header, passes each connection and request through its guards (connection
 * limit, CORS, rate limit, authentication), then hands requests to its endpoints (JSON-RPC over HTTP and
 * WebSocket, GraphQL, metrics, health), which run their work on a shared worker pool.
 */
public final class ApiServer {
  private final Vertx vertx;
  private final ApiServerConfig config;
  private final ApiGuards guards;
  private final List<ApiEndpoint> endpoints;
  private final WorkerExecutor workers;
  private HttpServer server;

  /** A listener without guards: for tests of endpoints alone. */
  public ApiServer(Vertx vertx, ApiServerConfig config, List<ApiEndpoint> endpoints) {
    this(vertx, config, ApiGuards.none(), endpoints);
  }

  public ApiServer(Vertx vertx, ApiServerConfig config, ApiGuards guards, List<ApiEndpoint> endpoints) {
    this.vertx = vertx;
    this.config = config;
    this.guards = guards;
    this.endpoints = List.copyOf(endpoints);
    this.workers = vertx.createSharedWorkerExecutor("luxtensor-api", config.workerThreads());
  }

  /** Starts listening; completes with the bound port. */
  public Future<Integer> start() {
    Router router = Router.router(vertx);
    router.route().handler(this::checkHost);
    router.route().failureHandler(ApiServer::ignoreClientsThatLeft);
    guards.requests().forEach(guard -> router.route().handler(guard));
    endpoints.forEach(endpoint -> endpoint.mount(router, workers));
    router.route("/").handler(ctx -> ctx.response().setStatusCode(405).putHeader("Allow", "POST")
        .end("JSON-RPC is served with POST / (or a WebSocket upgrade on /)\n"));
    return vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port())
            .setMaxWebSocketMessageSize(config.bodyBytesMax()))
        .connectionHandler(guards.connections())
        .requestHandler(router)
        .listen()
        .map(started -> {
          server = started;
          return started.actualPort();
        });
  }

  public Future<Void> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.onComplete(done -> workers.close());
  }

  /**
   * A client reset or killed in the middle of its request fails the route (the body handler sees the reset): there
   * is nobody to answer and nothing wrong with the node, so it is not logged as an error. Other failures go on to
   * Vert.x's handling (413 for an oversized body, 500 otherwise).
   */
  private static void ignoreClientsThatLeft(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (ctx.response().closed() || failure instanceof IOException || failure instanceof HttpClosedException) {
      ctx.request().connection().close();
      return;
    }
    ctx.next();
  }

  private void checkHost(RoutingContext ctx) {
    HostAndPort authority = ctx.request().authority();
    String host = authority == null ? null : authority.toString();
    if (!config.allowsHost(host)) {
      ctx.response().setStatusCode(403).end("host not allowed: " + host + " (see api.hostAllowlist)\n");
      return;
    }
    ctx.next();
  }
}
