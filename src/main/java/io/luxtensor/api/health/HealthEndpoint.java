package io.luxtensor.api.health;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.NetworkStatus;
import io.luxtensor.api.http.ApiEndpoint;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.OptionalLong;

/**
 * {@code GET /liveness}: 200 {@code {"status":"UP"}} while the API answers. {@code GET /readiness}: 200 UP or 503
 * DOWN by peers and blocks behind, with the numbers in the body; the query parameters {@code minPeers} and
 * {@code maxBlocksBehind} override the defaults, as Besu's do. Without p2p a node has 0 peers and is never behind
 * its own head, so it is ready unless asked for peers.
 */
public final class HealthEndpoint implements ApiEndpoint {
  public static final String LIVENESS_PATH = "/liveness";
  public static final String READINESS_PATH = "/readiness";
  /** Besu's default is 1, but a single node (and every node until p2p) has none: it would never be ready. */
  static final int MIN_PEERS_DEFAULT = 0;
  /** Besu's default: two blocks behind is still serving fresh enough reads. */
  static final long MAX_BLOCKS_BEHIND_DEFAULT = 2;

  private final NetworkStatus network;
  private final BlockchainQueries chain;

  public HealthEndpoint(NetworkStatus network, BlockchainQueries chain) {
    this.network = network;
    this.chain = chain;
  }

  @Override
  public void mount(Router router, WorkerExecutor workers) {
    router.get(LIVENESS_PATH).handler(ctx -> send(ctx, 200, status("UP")));
    router.get(READINESS_PATH).handler(this::readiness);
  }

  private void readiness(RoutingContext ctx) {
    OptionalLong minPeers = parameter(ctx, "minPeers", MIN_PEERS_DEFAULT);
    OptionalLong maxBehind = parameter(ctx, "maxBlocksBehind", MAX_BLOCKS_BEHIND_DEFAULT);
    if (minPeers.isEmpty() || maxBehind.isEmpty()) {
      ObjectNode body = status("DOWN");
      body.put("error", "minPeers and maxBlocksBehind must be non-negative whole numbers");
      send(ctx, 400, body);
      return;
    }
    long behind = Math.max(0, network.bestKnownBlockNumber() - chain.latest().number());
    Readiness readiness = new Readiness(network.peerCount(), (int) Math.min(Integer.MAX_VALUE, minPeers.getAsLong()),
        behind, maxBehind.getAsLong());
    ObjectNode body = status(readiness.ready() ? "UP" : "DOWN");
    body.put("peers", readiness.peers());
    body.put("minPeers", readiness.minPeers());
    body.put("blocksBehind", readiness.blocksBehind());
    body.put("maxBlocksBehind", readiness.maxBlocksBehind());
    send(ctx, readiness.ready() ? 200 : 503, body);
  }

  /** The parameter's value, its default when absent, or empty when it is not a non-negative whole number. */
  private static OptionalLong parameter(RoutingContext ctx, String name, long fallback) {
    String text = ctx.queryParams().get(name);
    if (text == null) {
      return OptionalLong.of(fallback);
    }
    try {
      long value = Long.parseLong(text);
      return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static ObjectNode status(String status) {
    return JsonNodeFactory.instance.objectNode().put("status", status);
  }

  private static void send(RoutingContext ctx, int httpStatus, ObjectNode body) {
    ctx.response().setStatusCode(httpStatus).putHeader("Content-Type", "application/json").end(body.toString());
  }
}
