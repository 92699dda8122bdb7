package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.bytes.Hex;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.system.ChainInfoContract;
import io.luxtensor.node.ChainService.Sealing;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The read and simulation methods over real HTTP, and sealing on an interval. */
class DevNodeRpcTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALICE = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void callsEstimatesAndFeeHistory() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode()) {
      String chainIdCall = "{\"to\":\"" + ChainInfoContract.ADDRESS.toHex() + "\",\"data\":\""
          + Hex.encode(Abi.selector("chainId()")) + "\"}";
      JsonNode call = rpc(node, "eth_call", "[" + chainIdCall + ", \"latest\"]");
      assertEquals("0x" + "0".repeat(60) + "7a69", call.get("result").asText(), "31337, ABI-encoded");

      JsonNode estimate = rpc(node, "eth_estimateGas", "[{\"from\":\"" + ALICE + "\",\"to\":\"" + ALICE
          + "\",\"value\":\"0x1\"}]");
      assertEquals("0x5208", estimate.get("result").asText(), "a transfer needs exactly 21,000");

      JsonNode reverted = rpc(node, "eth_call", "[{\"to\":\"" + ChainInfoContract.ADDRESS.toHex()
          + "\",\"data\":\"0x12345678\"}]");
      assertEquals(3, reverted.get("error").get("code").asInt(), reverted.toString());
      assertTrue(reverted.get("error").get("message").asText().startsWith("execution reverted: "));
      assertTrue(reverted.get("error").get("data").asText().startsWith("0x08c379a0"), "Error(string) payload");

      JsonNode creation = rpc(node, "eth_estimateGas", "[{\"from\":\"" + ALICE + "\",\"data\":\"0x6000\"}]");
      assertEquals(-32000, creation.get("error").get("code").asInt());
      assertTrue(creation.get("error").get("message").asText().startsWith("contract creation is not supported"));

      JsonNode history = rpc(node, "eth_feeHistory", "[\"0x4\", \"latest\", [25, 75]]").get("result");
      assertEquals("0x0", history.get("oldestBlock").asText());
      assertEquals(2, history.get("baseFeePerGas").size(), "one block (the genesis) and the next");
      assertEquals(2, history.get("reward").get(0).size());

      JsonNode badTag = rpc(node, "eth_getBalance", "[\"" + ALICE + "\", \"tomorrow\"]");
      assertEquals(-32602, badTag.get("error").get("code").asInt());
      JsonNode storage = rpc(node, "eth_getStorageAt", "[\"" + ChainInfoContract.ADDRESS.toHex() + "\", \"0x0\"]");
      assertEquals("0x" + "0".repeat(64), storage.get("result").asText());
    }
  }

  @Test
  void aBlockTimeSealsEmptyBlocksOnSchedule() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new Sealing.EverySlot(), TxPoolConfig.DEFAULT,
        100)) {
      CountDownLatch threeBlocks = new CountDownLatch(3);
      node.chain().addHeadListener(block -> threeBlocks.countDown());
      assertTrue(threeBlocks.await(10, TimeUnit.SECONDS), "three blocks within 10 s");
      var head = node.chain().head().latest();
      assertTrue(head.number() >= 3, "three 100 ms slots passed");
      assertEquals(0, head.gasUsed(), "empty blocks");
      assertEquals(head.number() - 1, node.chain().head().finalized().number());
    }
  }

  private JsonNode rpc(LuxtensorNode node, String method, String params) throws IOException, InterruptedException {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.rpcPort()))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }
}
