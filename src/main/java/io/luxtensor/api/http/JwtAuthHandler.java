package io.luxtensor.api.http;

import io.luxtensor.api.ApiObserver;
import io.luxtensor.api.auth.JwtVerifier;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Lets a request through only with a valid {@code Authorization: Bearer <JWT>}; otherwise answers 401 with
 * -40100 and the reason. It is mounted on the router before every endpoint, so JSON-RPC over HTTP, the WebSocket
 * upgrade, GraphQL and /metrics are all covered; the health checks in {@code openPaths} stay open for probes.
 */
final class JwtAuthHandler implements Handler<RoutingContext> {
  private static final String BEARER = "bearer ";

  private final JwtVerifier verifier;
  private final ApiObserver observer;
  private final LongSupplier clockMillis;
  private final Set<String> openPaths;

  JwtAuthHandler(JwtVerifier verifier, ApiObserver observer, LongSupplier clockMillis, Set<String> openPaths) {
    this.verifier = verifier;
    this.observer = observer;
    this.clockMillis = clockMillis;
    this.openPaths = Set.copyOf(openPaths);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (openPaths.contains(ctx.normalizedPath())) {
      ctx.next();
      return;
    }
    String authorization = ctx.request().getHeader("Authorization");
    if (authorization == null || authorization.length() < BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      refuse(ctx, "missing bearer token (Authorization: Bearer <JWT>)");
      return;
    }
    switch (verifier.verify(authorization.substring(BEARER.length()).strip(), clockMillis.getAsLong())) {
      case JwtVerifier.Verdict.Valid valid -> ctx.next();
      case JwtVerifier.Verdict.Invalid invalid -> refuse(ctx, invalid.reason());
    }
  }

  private void refuse(RoutingContext ctx, String reason) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer");
    HttpRefusal.send(ctx, observer, ApiObserver.Refusal.UNAUTHORIZED, 401, JsonRpcError.UNAUTHORIZED,
        "unauthorized: " + reason);
  }
}
