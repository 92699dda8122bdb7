package io.luxtensor.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.PrometheusText;
import io.luxtensor.testing.RawHttp;
import io.luxtensor.testing.TestNodes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The HTTP connection limit on a real node, with clients that hold connections and clients that are killed. */
class ConnectionLimitTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BLOCK_NUMBER = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}";
  /** How long the counter may take to come back after the resets: generous for a loaded 2-core machine. */
  private static final long SETTLE_DEADLINE_MS = 10_000;

  @Test
  void refusesConnectionsOverTheLimitAndNeverLeaksTheCountOnResets() throws IOException {
    ApiSafety twoConnections = new ApiSafety(ApiSafety.RESPONSE_BYTES_MAX, 2, List.of(), 0, 0, Optional.empty());
    try (LuxtensorNode node = TestNodes.devNode(twoConnections, System::currentTimeMillis)) {
      int port = node.rpcPort();
      RawHttp answered = RawHttp.connect(port);
      answered.postJson(BLOCK_NUMBER);
      assertEquals(200, answered.read().status());
      // The second connection is known to the server once it has been answered: connections may land on different
      // event loops, so a connection that has only sent headers might be counted after the third.
      RawHttp halfSent = RawHttp.connect(port);
      halfSent.postJson(BLOCK_NUMBER);
      assertEquals(200, halfSent.read().status());
      halfSent.postHeadersOnly(100);

      try (RawHttp third = RawHttp.connect(port)) {
        third.postJson(BLOCK_NUMBER);
        RawHttp.Response refused = third.read();
        assertEquals(503, refused.status());
        JsonNode error = JSON.readTree(refused.body()).get("error");
        assertEquals(-32005, error.get("code").asInt());
        assertEquals("too many connections: the limit is 2 (api.connectionsMax)", error.get("message").asText());
        assertTrue(third.closedByServer(), "a refused connection is closed after its answer");
      }

      answered.kill();
      halfSent.kill();
      PrometheusText settled = scrapeUntilOnlyTheScraperIsOpen(port);
      // At least the third client; scrapes that arrived before the resets were handled were refused as well.
      assertTrue(settled.require("luxtensor_api_refused_total{reason=\"connections\"}") >= 1);
      assertTrue(settled.require("luxtensor_rpc_errors_total{code=\"-32005\"}") >= 1);
    }
  }

  /**
   * Java's HttpClient upgrades plain HTTP to HTTP/2 (h2c): refused over the limit, it must read the 503 answer. A
   * Connection header there, legal only in HTTP/1.x, made it fail the whole exchange as malformed instead.
   */
  @Test
  void anHttp2ClientOverTheLimitReadsTheRefusal() throws Exception {
    ApiSafety oneConnection = new ApiSafety(ApiSafety.RESPONSE_BYTES_MAX, 1, List.of(), 0, 0, Optional.empty());
    try (LuxtensorNode node = TestNodes.devNode(oneConnection, System::currentTimeMillis);
        RawHttp holder = RawHttp.connect(node.rpcPort());
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
      holder.postJson(BLOCK_NUMBER);
      assertEquals(200, holder.read().status());

      HttpResponse<String> refused = http2.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + node.rpcPort())).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(BLOCK_NUMBER)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(503, refused.statusCode());
      assertEquals(-32005, JSON.readTree(refused.body()).get("error").get("code").asInt());
    }
  }

  @Test
  void manyKilledClientsLeaveNoConnectionCounted() throws IOException {
    ApiSafety fourConnections = new ApiSafety(ApiSafety.RESPONSE_BYTES_MAX, 4, List.of(), 0, 0, Optional.empty());
    try (LuxtensorNode node = TestNodes.devNode(fourConnections, System::currentTimeMillis)) {
      int port = node.rpcPort();
      for (int round = 0; round < 10; round++) {
        RawHttp a = RawHttp.connect(port);
        RawHttp b = RawHttp.connect(port);
        a.postJson(BLOCK_NUMBER);
        b.postHeadersOnly(1_000);
        assertEquals(200, a.read().status());
        a.kill();
        b.kill();
      }
      scrapeUntilOnlyTheScraperIsOpen(port);
    }
  }

  /**
   * Scrapes over fresh connections until the only open connection is the scrape's own, or fails at the deadline.
   * Each attempt is a full request and response, so the node's event loop runs the resets' close handlers in
   * between; a scrape refused for lack of room simply tries again.
   */
  private static PrometheusText scrapeUntilOnlyTheScraperIsOpen(int port) throws IOException {
    long deadline = System.currentTimeMillis() + SETTLE_DEADLINE_MS;
    double open = -1;
    while (System.currentTimeMillis() < deadline) {
      try (RawHttp scraper = RawHttp.connect(port)) {
        scraper.get("/metrics");
        RawHttp.Response response = scraper.read();
        if (response.status() == 200) {
          PrometheusText scrape = PrometheusText.parse(response.body());
          open = scrape.require("luxtensor_http_connections_active");
          if (open == 1) {
            return scrape;
          }
        }
      }
    }
    return fail("open connections did not come back to 0 (+1 for the scraper) within " + SETTLE_DEADLINE_MS
        + " ms; last seen " + open);
  }
}
