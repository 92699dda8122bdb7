package io.luxtensor.api.http;

import io.luxtensor.api.ApiObserver;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * CORS for browser dApps. Requests without an {@code Origin} (curl, scripts, server-side libraries) pass untouched.
 * A request from an allowed origin gets {@code Access-Control-Allow-Origin}, and its preflight is answered here.
 * A request from any other origin is refused with 403, as Besu does, so a web page cannot make the node act even
 * with a "simple" request the browser sends without a preflight. No origins configured means CORS is off.
 */
final class CrossOriginPolicy implements Handler<RoutingContext> {
  /** How long a browser may cache a preflight answer (Access-Control-Max-Age); Chromium caps it at 2 hours. */
  static final int PREFLIGHT_CACHE_SECONDS_MAX = 600;
  static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
  static final String ALLOWED_HEADERS = "Content-Type, Authorization";

  private final List<String> origins;
  private final boolean anyOrigin;
  private final ApiObserver observer;

  CrossOriginPolicy(List<String> origins, ApiObserver observer) {
    this.origins = origins.stream().map(CrossOriginPolicy::normalized).toList();
    this.anyOrigin = origins.contains("*");
    this.observer = observer;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin == null) {
      ctx.next();
      return;
    }
    if (!anyOrigin && !origins.contains(normalized(origin))) {
      HttpRefusal.send(ctx, observer, ApiObserver.Refusal.ORIGIN, 403, JsonRpcError.SERVER_ERROR,
          "origin " + origin + " is not allowed" + (origins.isEmpty() ? ": CORS is off" : "")
              + " (api.corsOrigins, --rpc-cors-origins)");
      return;
    }
    ctx.response().putHeader("Access-Control-Allow-Origin", anyOrigin ? "*" : origin).putHeader("Vary", "Origin");
    if (ctx.request().method() == HttpMethod.OPTIONS
        && ctx.request().getHeader("Access-Control-Request-Method") != null) {
      ctx.response().setStatusCode(204)
          .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
          .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
          .putHeader("Access-Control-Max-Age", Integer.toString(PREFLIGHT_CACHE_SECONDS_MAX))
          .end();
      return;
    }
    ctx.next();
  }

  /** Scheme and host compare case-insensitively; a trailing slash is not part of an origin. */
  private static String normalized(String origin) {
    String lower = origin.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
