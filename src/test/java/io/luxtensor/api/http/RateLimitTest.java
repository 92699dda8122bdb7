package io.luxtensor.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.ApiCalls;
import io.luxtensor.testing.PrometheusText;
import io.luxtensor.testing.TestNodes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-address rate limit on a real node whose clock the test moves. */
class RateLimitTest {

  @Test
  void aBurstPassesThenRequestsAreRefusedUntilTokensRefill() {
    AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    ApiSafety limited = new ApiSafety(ApiSafety.RESPONSE_BYTES_MAX, ApiSafety.CONNECTIONS_MAX, List.of(), 2, 3,
        Optional.empty());
    try (LuxtensorNode node = TestNodes.devNode(limited, clock::get)) {
      ApiCalls api = new ApiCalls(node.rpcPort());
      for (int i = 0; i < 3; i++) {
        assertEquals(200, api.rpc("eth_blockNumber", "[]").status(), "request " + i + " of the burst");
      }
      ApiCalls.Reply refused = api.rpc("eth_blockNumber", "[]");
      assertEquals(429, refused.status());
      assertEquals("1", refused.header("Retry-After"));
      JsonNode error = refused.json().get("error");
      assertEquals(-32005, error.get("code").asInt());
      assertEquals("rate limit exceeded: 2 requests per second with bursts of 3 (api.rateLimitPerSecond, "
          + "api.rateLimitBurst)", error.get("message").asText());

      assertEquals(200, api.get("/liveness").status(), "health checks are not counted");
      assertEquals(200, api.get("/readiness").status());

      clock.addAndGet(500);
      assertEquals(200, api.rpc("eth_blockNumber", "[]").status(), "half a second refills one token at 2/s");
      assertEquals(429, api.rpc("eth_blockNumber", "[]").status());

      clock.addAndGet(60_000);
      ApiCalls.Reply metrics = api.get("/metrics");
      assertEquals(200, metrics.status());
      PrometheusText scrape = PrometheusText.parse(metrics.body());
      assertEquals(2, scrape.require("luxtensor_api_refused_total{reason=\"rate_limit\"}"));
      assertEquals(2, scrape.require("luxtensor_rpc_errors_total{code=\"-32005\"}"));
    }
  }
}
