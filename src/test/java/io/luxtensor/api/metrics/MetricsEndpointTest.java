package io.luxtensor.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.ApiCalls;
import io.luxtensor.testing.PrometheusText;
import io.luxtensor.testing.TestNodes;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code /metrics} on a real node: scraped over HTTP and parsed line by line. */
class MetricsEndpointTest {

  @Test
  void servesTheEip2159NamesAndTheNodesOwnMeters() {
    try (LuxtensorNode node = TestNodes.devNode()) {
      ApiCalls api = new ApiCalls(node.rpcPort());
      ApiCalls.Reply reply = api.get("/metrics");
      assertEquals(200, reply.status());
      assertTrue(reply.header("Content-Type").startsWith("text/plain; version=0.0.4"), reply.header("Content-Type"));
      PrometheusText scrape = PrometheusText.parse(reply.body());

      assertEquals(0, scrape.require("ethereum_blockchain_height"), "a fresh chain is at genesis");
      assertEquals(0, scrape.require("ethereum_best_known_block_number"));
      assertEquals(0, scrape.require("ethereum_peer_count"), "no peers until p2p");
      assertEquals(0, scrape.require("ethereum_peer_limit"));
      assertEquals(0, scrape.require("luxtensor_chain_head_height"));
      assertEquals(0, scrape.require("luxtensor_chain_finalized_height"));
      assertEquals(0, scrape.require("luxtensor_txpool_pending"));
      assertEquals(0, scrape.require("luxtensor_txpool_queued"));
      assertEquals(1, scrape.require("luxtensor_http_connections_active"), "the scrape's own connection");
      for (String reason : new String[] {"batch_size", "response_size", "rate_limit", "connections", "unauthorized",
          "origin"}) {
        assertEquals(0, scrape.require("luxtensor_api_refused_total{reason=\"" + reason + "\"}"), reason);
      }
      assertTrue(scrape.startingWith("jvm_memory_used_bytes{area=\"heap\"").values().stream()
          .mapToDouble(Double::doubleValue).sum() > 0, "JVM heap in use");
      assertTrue(scrape.startingWith("jvm_gc_").size() > 0, "GC binder");
      assertTrue(scrape.require("process_uptime_seconds") > 0, "process uptime");
      assertTrue(scrape.require("system_cpu_count") >= 1, "processor binder");
      assertTrue(scrape.require("jvm_threads_live_threads") > 0, "thread binder");
      assertEquals(0, scrape.require("luxtensor_rpc_request_seconds_count{method=\"eth_blockNumber\"}"),
          "every method's timer is there from the start");
    }
  }

  @Test
  void timesEachMethodAndCountsErrorsByCode() {
    try (LuxtensorNode node = TestNodes.devNode()) {
      ApiCalls api = new ApiCalls(node.rpcPort());
      for (int i = 0; i < 3; i++) {
        assertEquals("0x0", api.rpc("eth_blockNumber", "[]").json().get("result").asText());
      }
      api.rpc("eth_chainId", "[]");
      api.rpc("eth_nope", "[]");
      api.rpc("eth_getBalance", "[\"0x12\"]");
      api.post("{\"jsonrpc\":\"2.0\",");

      PrometheusText scrape = PrometheusText.parse(api.get("/metrics").body());
      assertEquals(3, scrape.require("luxtensor_rpc_request_seconds_count{method=\"eth_blockNumber\"}"));
      assertEquals(1, scrape.require("luxtensor_rpc_request_seconds_count{method=\"eth_chainId\"}"));
      assertEquals(1, scrape.require("luxtensor_rpc_request_seconds_count{method=\"eth_getBalance\"}"),
          "a failed call is timed too");
      assertTrue(scrape.require("luxtensor_rpc_request_seconds_sum{method=\"eth_blockNumber\"}") > 0);
      assertEquals(3, scrape.require("luxtensor_rpc_request_seconds_bucket{method=\"eth_blockNumber\",le=\"+Inf\"}"));
      assertEquals(1, scrape.require("luxtensor_rpc_errors_total{code=\"-32601\"}"), "method not found");
      assertEquals(1, scrape.require("luxtensor_rpc_errors_total{code=\"-32602\"}"), "invalid params");
      assertEquals(1, scrape.require("luxtensor_rpc_errors_total{code=\"-32700\"}"), "parse error");
    }
  }

  @Test
  void chainMetersFollowEachNewHead() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode()) {
      node.chain().seal().get(30, TimeUnit.SECONDS);
      node.chain().seal().get(30, TimeUnit.SECONDS);

      PrometheusText scrape = PrometheusText.parse(new ApiCalls(node.rpcPort()).get("/metrics").body());
      assertEquals(2, scrape.require("ethereum_blockchain_height"));
      assertEquals(2, scrape.require("luxtensor_chain_head_height"));
      assertEquals(2, scrape.require("ethereum_best_known_block_number"), "a single node knows no better block");
      assertEquals(node.chain().head().finalized().number(), scrape.require("luxtensor_chain_finalized_height"));
      assertEquals(2, scrape.require("luxtensor_block_production_seconds_count"));
      assertTrue(scrape.require("luxtensor_block_production_seconds_sum") > 0);
    }
  }
}
