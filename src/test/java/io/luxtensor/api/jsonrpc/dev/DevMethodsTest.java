package io.luxtensor.api.jsonrpc.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.api.http.ApiServerConfig;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.testing.TypedDataExamples;
import io.luxtensor.txpool.TxPoolConfig;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** The dev-only methods over HTTP, checked against web3j's signatures. */
class DevMethodsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new ChainService.Sealing.Manual(),
      TxPoolConfig.DEFAULT);
  private final HttpClient http = HttpClient.newHttpClient();
  private final DevChain.DevAccount alice = DevChain.accounts(1).get(0);
  private final ECKeyPair aliceKeys = ECKeyPair.create(alice.key().toBytes());

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void accountsAndSignaturesMatchWeb3j() throws Exception {
    JsonNode accounts = rpc("eth_accounts", "[]").get("result");
    assertEquals(10, accounts.size());
    assertEquals(alice.address().toHex(), accounts.get(0).asText());

    String message = Hex.encode("hello luxtensor".getBytes(StandardCharsets.UTF_8));
    String expected = signature(Sign.signPrefixedMessage("hello luxtensor".getBytes(StandardCharsets.UTF_8), aliceKeys));
    assertEquals(expected, rpc("eth_sign", "[\"" + alice.address().toHex() + "\", \"" + message + "\"]")
        .get("result").asText());
    assertEquals(expected, rpc("personal_sign", "[\"" + message + "\", \"" + alice.address().toHex() + "\"]")
        .get("result").asText());

    String typed = TypedDataExamples.MAIL;
    String typedExpected = signature(Sign.signTypedData(typed, aliceKeys));
    assertEquals(typedExpected, rpc("eth_signTypedData_v4", "[\"" + alice.address().toHex() + "\", "
        + typed + "]").get("result").asText());

    JsonNode stranger = rpc("eth_sign", "[\"0x000000000000000000000000000000000000bEEF\", \"0x00\"]");
    assertEquals(-32000, stranger.get("error").get("code").asInt());
  }

  @Test
  void sendTransactionFillsAndSignsMineSealsAndTimeMoves() throws Exception {
    String hash = rpc("eth_sendTransaction", "[{\"from\":\"" + alice.address().toHex()
        + "\",\"to\":\"0x000000000000000000000000000000000000bEEF\",\"value\":\"0x2a\"}]").get("result").asText();
    assertEquals("0x0", rpc("evm_mine", "[]").get("result").asText());
    JsonNode receipt = rpc("eth_getTransactionReceipt", "[\"" + hash + "\"]").get("result");
    assertEquals("0x1", receipt.get("status").asText());
    assertEquals("0x5208", receipt.get("gasUsed").asText());
    assertEquals("0x2a", rpc("eth_getBalance", "[\"0x000000000000000000000000000000000000bEEF\", \"latest\"]")
        .get("result").asText());

    long before = Long.decode(rpc("eth_getBlockByNumber", "[\"latest\", false]").get("result").get("timestamp").asText());
    assertEquals(3600, rpc("evm_increaseTime", "[3600]").get("result").asLong());
    rpc("evm_mine", "[]");
    long after = Long.decode(rpc("eth_getBlockByNumber", "[\"latest\", false]").get("result").get("timestamp").asText());
    assertTrue(after >= before + 3600, before + " -> " + after);
  }

  @Test
  void nodesWithoutDevKeysDoNotServeThem() throws Exception {
    var options = new LuxtensorNode.Options(StorageConfig.memory(),
        DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID, 1, DevChain.BALANCE_DEFAULT, 0, 0)), false,
        List.of(DevChain.validatorKeys()), new ChainService.Sealing.Manual(),
        ApiServerConfig.defaults().withAddress("127.0.0.1", 0),
        TxPoolConfig.DEFAULT, false, "test", List.of(), Optional.empty());
    try (LuxtensorNode plain = LuxtensorNode.start(options, System::currentTimeMillis)) {
      JsonNode response = rpc(plain, "eth_sendTransaction", "[{}]");
      assertEquals(-32601, response.get("error").get("code").asInt());
      assertEquals(0, rpc(plain, "eth_accounts", "[]").get("result").size());
    }
  }

  private static String signature(Sign.SignatureData data) {
    byte[] out = new byte[65];
    System.arraycopy(data.getR(), 0, out, 0, 32);
    System.arraycopy(data.getS(), 0, out, 32, 32);
    out[64] = data.getV()[0];
    return Numeric.toHexString(out);
  }

  private JsonNode rpc(String method, String params) throws Exception {
    return rpc(node, method, params);
  }

  private JsonNode rpc(LuxtensorNode target, String method, String params) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.rpcPort()))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }
}
