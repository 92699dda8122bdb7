package io.luxtensor.api.metrics;

import io.luxtensor.api.http.ApiEndpoint;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /metrics}: the Prometheus text format, rendered on the worker pool since it reads every gauge. */
public final class MetricsEndpoint implements ApiEndpoint {
  public static final String PATH = "/metrics";
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final System.Logger LOG = System.getLogger(MetricsEndpoint.class.getName());

  private final NodeMetrics metrics;

  public MetricsEndpoint(NodeMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void mount(Router router, WorkerExecutor workers) {
    router.get(PATH).handler(ctx -> scrape(ctx, workers));
  }

  private void scrape(RoutingContext ctx, WorkerExecutor workers) {
    workers.executeBlocking(metrics::scrape, false).onComplete(done -> {
      if (done.failed()) {
        LOG.log(System.Logger.Level.ERROR, "metrics scrape failed", done.cause());
        ctx.response().setStatusCode(500).end();
        return;
      }
      ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(done.result());
    });
  }
}
