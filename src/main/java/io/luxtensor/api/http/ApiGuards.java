package io.luxtensor.api.http;

import io.luxtensor.api.ApiObserver;
import io.luxtensor.api.auth.JwtVerifier;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * What every connection and request passes before an endpoint sees it. The request handlers run in this order:
 * refusal of connections over the limit, CORS (whose preflights carry no token), the rate limit (cheap, so it also
 * shields the HMAC), then authentication.
 *
 * @param connections the server's connection handler
 * @param requests handlers mounted on the router before any endpoint, in order
 */
public record ApiGuards(Handler<HttpConnection> connections, List<Handler<RoutingContext>> requests) {
  /** Health probes (Kubernetes, load balancers) carry no token and must not be rate limited into failing. */
  static final Set<String> OPEN_PATHS = Set.of("/liveness", "/readiness");

  public ApiGuards {
    requests = List.copyOf(requests);
  }

  /** No limits and no policy: for tests of the endpoints alone. */
  public static ApiGuards none() {
    return new ApiGuards(connection -> {}, List.of());
  }

  /**
   * The guards {@code safety} asks for.
   *
   * @param jwt the token verifier when authentication is on
   * @param observer told of every refusal
   * @param clockMillis the node's clock, for token freshness and rate limits
   */
  public static ApiGuards of(Vertx vertx, ApiSafety safety, Optional<JwtVerifier> jwt, ApiObserver observer,
      LongSupplier clockMillis) {
    HttpConnectionLimit connections = new HttpConnectionLimit(vertx, safety.connectionsMax(), observer);
    List<Handler<RoutingContext>> requests = new ArrayList<>();
    requests.add(connections::refuseOverLimit);
    requests.add(new CrossOriginPolicy(safety.corsOrigins(), observer));
    if (safety.rateLimited()) {
      requests.add(new RateLimitHandler(new RateLimiter(safety.rateLimitPerSecond(), safety.rateLimitBurst()),
          observer, clockMillis, OPEN_PATHS));
    }
    jwt.ifPresent(verifier -> requests.add(new JwtAuthHandler(verifier, observer, clockMillis, OPEN_PATHS)));
    return new ApiGuards(connections::onConnection, requests);
  }
}
