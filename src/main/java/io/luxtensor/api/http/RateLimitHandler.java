package io.luxtensor.api.http;

import io.luxtensor.api.ApiObserver;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Limits each remote address to its token bucket; a request over it is answered 429 with -32005 and a
 * {@code Retry-After}. A batch counts as one request (the batch size limit bounds it). Behind a reverse proxy every
 * client shares the proxy's address: limit there instead. Requests to {@code openPaths} (health checks) are not
 * counted.
 */
final class RateLimitHandler implements Handler<RoutingContext> {
  private final RateLimiter limiter;
  private final ApiObserver observer;
  private final LongSupplier clockMillis;
  private final Set<String> openPaths;
  private final String message;

  RateLimitHandler(RateLimiter limiter, ApiObserver observer, LongSupplier clockMillis, Set<String> openPaths) {
    this.limiter = limiter;
    this.openPaths = Set.copyOf(openPaths);
    this.observer = observer;
    this.clockMillis = clockMillis;
    this.message = "rate limit exceeded: " + limiter.perSecond() + " requests per second with bursts of "
        + limiter.burst() + " (api.rateLimitPerSecond, api.rateLimitBurst)";
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (openPaths.contains(ctx.normalizedPath())) {
      ctx.next();
      return;
    }
    SocketAddress remote = ctx.request().remoteAddress();
    String client = remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    if (limiter.tryAcquire(client, clockMillis.getAsLong())) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("Retry-After", "1");
    HttpRefusal.send(ctx, observer, ApiObserver.Refusal.RATE_LIMIT, 429, JsonRpcError.LIMIT_EXCEEDED, message);
  }
}
