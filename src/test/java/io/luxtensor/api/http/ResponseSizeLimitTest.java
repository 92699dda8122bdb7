package io.luxtensor.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.ApiCalls;
import io.luxtensor.testing.PrometheusText;
import io.luxtensor.testing.TestNodes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The response size limit over HTTP: small answers pass, a block over the limit becomes -32005. */
class ResponseSizeLimitTest {
  /** Room for eth_blockNumber, not for a block (whose logsBloom alone is 514 characters). */
  private static final int RESPONSE_BYTES_MAX = 400;

  @Test
  void aResponseOverTheLimitIsReplacedByAnErrorThatKeepsTheId() {
    ApiSafety small = new ApiSafety(RESPONSE_BYTES_MAX, ApiSafety.CONNECTIONS_MAX, List.of(), 0, 0,
        Optional.empty());
    try (LuxtensorNode node = TestNodes.devNode(small, System::currentTimeMillis)) {
      ApiCalls api = new ApiCalls(node.rpcPort());
      assertEquals("0x0", api.rpc("eth_blockNumber", "[]").json().get("result").asText());

      JsonNode tooLarge = api.post(
          "{\"jsonrpc\":\"2.0\",\"id\":\"blk\",\"method\":\"eth_getBlockByNumber\",\"params\":[\"0x0\",true]}").json();
      assertEquals("blk", tooLarge.get("id").asText());
      assertEquals(-32005, tooLarge.get("error").get("code").asInt());
      String message = tooLarge.get("error").get("message").asText();
      assertTrue(message.startsWith("response size of ") && message.endsWith(" exceeds the limit of 400 bytes"),
          message);

      JsonNode smallBatch = api.post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"},"
          + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_chainId\"}]").json();
      assertEquals(2, smallBatch.size(), "a batch under the limit is answered whole");

      JsonNode largeBatch = api.post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"},"
          + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_getBlockByNumber\",\"params\":[\"0x0\",false]}]").json();
      assertTrue(largeBatch.isObject(), "a batch over the limit gets one error, as for the batch size limit");
      assertTrue(largeBatch.get("id").isNull());
      assertEquals(-32005, largeBatch.get("error").get("code").asInt());

      PrometheusText scrape = PrometheusText.parse(api.get("/metrics").body());
      assertEquals(2, scrape.require("luxtensor_api_refused_total{reason=\"response_size\"}"));
      assertEquals(2, scrape.require("luxtensor_rpc_errors_total{code=\"-32005\"}"));
    }
  }
}
