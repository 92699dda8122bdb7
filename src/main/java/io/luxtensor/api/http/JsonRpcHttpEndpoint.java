package io.luxtensor.api.http;

import io.luxtensor.api.jsonrpc.JsonRpcProcessor;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;

/** JSON-RPC over HTTP: {@code POST /}, single or batch, processed on the worker pool. */
public final class JsonRpcHttpEndpoint implements ApiEndpoint {
  private static final System.Logger LOG = System.getLogger(JsonRpcHttpEndpoint.class.getName());

  private final JsonRpcProcessor processor;
  private final int bodyBytesMax;

  public JsonRpcHttpEndpoint(JsonRpcProcessor processor, int bodyBytesMax) {
    this.processor = processor;
    this.bodyBytesMax = bodyBytesMax;
  }

  @Override
  public void mount(Router router, WorkerExecutor workers) {
    router.post("/").handler(BodyHandler.create(false).setBodyLimit(bodyBytesMax));
    router.post("/").handler(ctx -> handle(ctx, workers));
  }

  private void handle(RoutingContext ctx, WorkerExecutor workers) {
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
