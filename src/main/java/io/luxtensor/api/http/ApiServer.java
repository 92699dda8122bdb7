package io.luxtensor.api.http;

import io.luxtensor.api.jsonrpc.JsonRpcProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;

/**
 * The HTTP listener: {@code POST /} carries JSON-RPC (single or batch). The event loop checks the Host header and
 * the body size; the processor runs on a worker pool; responses are {@code application/json}.
 */
public final class ApiServer {
  private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());

  private final Vertx vertx;
  private final ApiServerConfig config;
  private final JsonRpcProcessor processor;
  private final WorkerExecutor workers;
  private HttpServer server;

  public ApiServer(Vertx vertx, ApiServerConfig config, JsonRpcProcessor processor) {
    this.vertx = vertx;
    this.config = config;
    this.processor = processor;
    this.workers = vertx.createSharedWorkerExecutor("luxtensor-api", config.workerThreads());
  }

  /** Starts listening; completes with the bound port. */
  public Future<Integer> start() {
    Router router = Router.router(vertx);
    router.route().handler(this::checkHost);
    router.post("/").handler(BodyHandler.create(false).setBodyLimit(config.bodyBytesMax()));
    router.post("/").handler(this::jsonRpc);
    router.route("/").handler(ctx -> ctx.response().setStatusCode(405).putHeader("Allow", "POST")
        .end("JSON-RPC is served with POST /\n"));
    return vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port()))
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

  private void checkHost(RoutingContext ctx) {
    String host = ctx.request().authority() == null ? null : ctx.request().authority().toString();
    if (!config.allowsHost(host)) {
      ctx.response().setStatusCode(403).end("host not allowed: " + host + " (see api.hostAllowlist)\n");
      return;
    }
    ctx.next();
  }

  private void jsonRpc(RoutingContext ctx) {
    if (ctx.request().method() != HttpMethod.POST) {
      ctx.next();
      return;
    }
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    workers.executeBlocking(() -> processor.handle(body), false).onComplete(done -> {
      if (done.failed()) {
        LOG.log(System.Logger.Level.ERROR, "JSON-RPC request failed", done.cause());
        ctx.response().setStatusCode(500).end();
        return;
      }
      Optional<byte[]> response = done.result();
      if (response.isEmpty()) {
        ctx.response().setStatusCode(204).end();
        return;
      }
      ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(response.get()));
    });
  }
}
