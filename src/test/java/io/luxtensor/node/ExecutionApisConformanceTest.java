package io.luxtensor.node;

import static io.luxtensor.testing.DevNodeClient.CHAIN_INFO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.luxtensor.api.NetworkStatus;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.eth.EthSyncing;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.sync.StateSyncProgress;
import io.luxtensor.sync.SyncCounters;
import io.luxtensor.sync.SyncEvent;
import io.luxtensor.sync.SyncProgress;
import io.luxtensor.testing.DevNodeClient;
import io.luxtensor.testing.Fixtures;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.testing.TypedDataExamples;
import io.luxtensor.txpool.TxPoolConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.AccessListObject;

/**
 * Live answers checked against Ethereum's execution-apis (copied under src/test/resources/execution-apis): every
 * method the node serves answers within the result schema of its OpenRPC definition (execution-apis' for standard
 * methods, ours for LuxTensor's own), and the specification's fixtures that fit our chain get the same answers.
 */
class ExecutionApisConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode SPEC = classpathJson("execution-apis/openrpc.json");
  private static final JsonNode OURS = fileJson(Path.of("openrpc/openrpc.json"));
  /** OpenRPC 1.x content descriptors hold draft-07 JSON Schemas. */
  private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  private static final String BEEF = "0x000000000000000000000000000000000000beef";
  private static final String SLOT_ZERO = "0x" + "00".repeat(32);

  private final HttpClient http = HttpClient.newHttpClient();
  private final Set<String> checked = new TreeSet<>();

  @Test
  void everyServedMethodAnswersWithinItsResultSchema() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new ChainService.Sealing.Manual(),
        TxPoolConfig.DEFAULT); DevNodeClient client = new DevNodeClient(node)) {
      String alice = client.account(0).getAddress();
      String blockFilter = check(node, "eth_newBlockFilter", "[]").asText();
      String logFilter = check(node, "eth_newFilter", "[{\"address\":\"" + CHAIN_INFO + "\"}]").asText();
      String pendingFilter = check(node, "eth_newPendingTransactionFilter", "[]").asText();

      String legacyPing = check(node, "eth_sendRawTransaction", params(client.signedPing(0, 0, (byte) 1))).asText();
      String dynamicTransfer = client.send(client.signedDynamicTransfer(1, 0, BEEF, BigInteger.TEN));
      String accessListPing = client.send(client.signedPing(2, 0, (byte) 2, DevNodeClient.PING_GAS_LIMIT,
          List.of(new AccessListObject(CHAIN_INFO, List.of(SLOT_ZERO)))));
      client.send(client.signedTransfer(3, 5, BEEF, BigInteger.ONE));
      // execution-apis' transaction schema describes included transactions only (blockHash a string): a pending
      // one is checked in txpool_content, whose entries are schema'd as "not yet included".
      JsonNode pendingTx = post(node, request("eth_getTransactionByHash", params(dynamicTransfer))).get("result");
      assertTrue(pendingTx.get("blockHash").isNull(), "still pending");
      assertEquals(4, check(node, "eth_getFilterChanges", params(pendingFilter)).size(), "queued ones too");
      JsonNode content = check(node, "txpool_content", "[]");
      assertEquals(3, content.get("pending").size());
      assertEquals(1, content.get("queued").size());
      check(node, "txpool_status", "[]");
      check(node, "txpool_inspect", "[]");

      StoredBlock block = node.chain().seal().join();
      assertEquals(3, block.block().transactions().size());
      String hash = block.block().hash().toHex();
      String number = "0x" + Long.toHexString(block.block().header().number());
      assertEquals(1, check(node, "eth_getFilterChanges", params(blockFilter)).size());
      assertEquals(2, check(node, "eth_getFilterChanges", params(logFilter)).size(), "two pings");
      assertEquals(2, check(node, "eth_getFilterLogs", params(logFilter)).size());
      assertEquals(2, check(node, "eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\"}]").size());
      check(node, "eth_uninstallFilter", params(blockFilter));

      for (String full : List.of("true", "false")) {
        check(node, "eth_getBlockByNumber", "[\"latest\"," + full + "]");
        check(node, "eth_getBlockByHash", "[\"" + hash + "\"," + full + "]");
      }
      check(node, "eth_getBlockByNumber", "[\"0x0\",false]");
      check(node, "eth_getBlockByNumber", "[\"0x3e8\",false]");
      check(node, "eth_getBlockReceipts", params(number));
      check(node, "eth_getBlockTransactionCountByHash", params(hash));
      check(node, "eth_getBlockTransactionCountByNumber", params(number));
      check(node, "eth_getUncleCountByBlockHash", params(hash));
      check(node, "eth_getUncleCountByBlockNumber", params(number));
      for (int index = 0; index < 3; index++) {
        check(node, "eth_getTransactionByBlockHashAndIndex", "[\"" + hash + "\",\"0x" + index + "\"]");
        check(node, "eth_getTransactionByBlockNumberAndIndex", "[\"" + number + "\",\"0x" + index + "\"]");
      }
      for (String tx : List.of(legacyPing, dynamicTransfer, accessListPing)) {
        assertEquals(hash, check(node, "eth_getTransactionByHash", params(tx)).get("blockHash").asText());
        assertEquals("0x1", check(node, "eth_getTransactionReceipt", params(tx)).get("status").asText());
      }
      check(node, "eth_getProof", "[\"" + CHAIN_INFO + "\",[\"" + SLOT_ZERO + "\"],\"latest\"]");
      check(node, "eth_getProof", "[\"" + alice + "\",[],\"" + hash + "\"]");
      String pingCall = "{\"from\":\"" + alice + "\",\"to\":\"" + CHAIN_INFO + "\",\"data\":\""
          + DevNodeClient.pingData((byte) 3) + "\"}";
      check(node, "eth_createAccessList", "[" + pingCall + ",\"latest\"]");
      check(node, "eth_estimateGas", "[" + pingCall + "]");
      check(node, "eth_call", "[" + pingCall + ",\"latest\"]");
      check(node, "eth_feeHistory", "[\"0x2\",\"latest\",[25,75]]");
      check(node, "eth_getBalance", "[\"" + alice + "\",\"latest\"]");
      check(node, "eth_getCode", "[\"" + CHAIN_INFO + "\",\"latest\"]");
      check(node, "eth_getStorageAt", "[\"" + CHAIN_INFO + "\",\"0x0\",\"latest\"]");
      check(node, "eth_getTransactionCount", "[\"" + alice + "\",\"pending\"]");
      for (String method : List.of("eth_accounts", "eth_blockNumber", "eth_chainId", "eth_gasPrice",
          "eth_maxPriorityFeePerGas", "eth_syncing", "lux_getEpochInfo", "lux_getValidators", "net_listening",
          "net_peerCount",
          "net_version", "web3_clientVersion", "rpc.discover")) {
        check(node, method, "[]");
      }
      check(node, "web3_sha3", "[\"0x68656c6c6f\"]");
      check(node, "lux_getEpochInfo", params(hash));
      check(node, "lux_getValidator", "[\"" + DevChain.validatorKeys().address().toHex() + "\",\"latest\"]");
      check(node, "lux_getValidator", "[\"" + BEEF + "\"]");
      // The AI network's reads on a chain without subnets; AiNetworkRpcTest checks them on a populated one.
      for (String method : List.of("lux_getSubnetCount", "lux_listSubnets")) {
        check(node, method, "[]");
      }
      for (String method : List.of("lux_getSubnet", "lux_getNeuronCount", "lux_getMetagraph", "lux_getNeurons",
          "lux_getSubnetInfo", "lux_getAllWeights", "lux_getEmissions")) {
        check(node, method, "[\"0x0\",\"latest\"]");
      }
      check(node, "lux_getNeuron", "[\"0x0\",\"0x0\"]");
      check(node, "lux_getWeights", "[\"0x0\",\"0x0\"]");
      check(node, "lux_getValidatorStatus", "[\"0x0\",\"" + BEEF + "\"]");
      check(node, "eth_sign", "[\"" + alice + "\",\"0x68656c6c6f\"]");
      check(node, "personal_sign", "[\"0x68656c6c6f\",\"" + alice + "\"]");
      check(node, "eth_signTypedData_v4", "[\"" + alice + "\"," + TypedDataExamples.MAIL + "]");
      check(node, "eth_sendTransaction", "[{\"from\":\"" + alice + "\",\"to\":\"" + BEEF + "\",\"value\":\"0x1\"}]");
      check(node, "evm_mine", "[]");
      check(node, "evm_increaseTime", "[1]");
      // AI tasks on a chain without subnets: the submission is accepted and its execution will revert;
      // AiTasksNetworkTest checks the task methods on a chain that runs tasks.
      String task = "{\"from\":\"" + alice + "\",\"netuid\":\"0x0\",\"modelHash\":\"" + SLOT_ZERO
          + "\",\"inputHash\":\"" + SLOT_ZERO + "\",\"inputUri\":\"ipfs://x\",\"deadline\":\"0x64\",\"fee\":\"0x1\"}";
      String taskId = check(node, "mt_submitAITask", "[" + task + "]").get("taskId").asText();
      check(node, "lux_submitAITask", "[" + task + "]");
      for (String method : List.of("mt_getAIResult", "lux_getAIResult", "lux_getTask")) {
        check(node, method, params(taskId));
      }
      check(node, "lux_listTasks", "[]");
      check(node, "lux_listTasks", "[{\"status\":\"open\",\"limit\":\"0xa\"},\"latest\"]");

      assertEquals(served(), checked, "every served method was checked against its schema");
    }
  }

  @Test
  void theSchemasCatchAWrongAnswer() {
    assertFalse(violations("eth_blockNumber", JSON.getNodeFactory().textNode("0x01")).isEmpty(), "leading zero");
    ObjectNode status = JSON.createObjectNode().put("pending", "0x1");
    assertFalse(violations("txpool_status", status).isEmpty(), "queued missing");
    assertFalse(violations("eth_getProof", JSON.createObjectNode()).isEmpty());
    assertFalse(violations("lux_getValidators", JSON.createObjectNode().put("totalStake", "0x1")).isEmpty(),
        "validators missing");
  }

  /** While a node syncs, eth_syncing answers with the object form of the spec's SyncingStatus. */
  @Test
  void aSyncingNodesProgressFitsTheSchema() throws Exception {
    SyncProgress progress = SyncProgress.start(10, 5_000, 0).advance(2_048, 5_000, 1_000);
    NetworkStatus syncing = new NetworkStatus() {
      @Override
      public boolean listening() {
        return true;
      }

      @Override
      public int peerCount() {
        return 4;
      }

      @Override
      public int peerLimit() {
        return 50;
      }

      @Override
      public long bestKnownBlockNumber() {
        return 5_000;
      }

      @Override
      public Optional<SyncProgress> syncProgress() {
        return Optional.of(progress);
      }

      @Override
      public Optional<StateSyncProgress> stateSyncProgress() {
        return Optional.empty();
      }

      @Override
      public SyncCounters syncCounters() {
        return new SyncCounters();
      }

      @Override
      public void onSyncChange(Consumer<SyncEvent> listener) {
        listener.accept(new SyncEvent(true, progress));
      }
    };
    JsonNode result = JSON.valueToTree(new EthSyncing(syncing).execute(new JsonRpcParams(JSON.createArrayNode())));
    assertEquals(JSON.readTree("{\"startingBlock\": \"0xa\", \"currentBlock\": \"0x800\", "
        + "\"highestBlock\": \"0x1388\"}"), result);
    assertEquals(Set.of(), violations("eth_syncing", result));
  }

  /**
   * The fixtures of execution-apis' tests/ that fit a fresh dev chain: unknown blocks and transactions, empty
   * answers, error codes. Where our message wording is Geth's the whole response must match; where it is ours
   * ("invalid argument N (name): ...") the error code must.
   */
  @Test
  void theSpecificationsFixturesThatFitOurChainGetTheSameAnswers() throws Exception {
    Map<String, Comparison> fixtures = new TreeMap<>();
    for (String exact : List.of("eth_getBlockByNumber/get-block-notfound", "eth_getBlockByHash/get-block-by-empty-hash",
        "eth_getBlockByHash/get-block-by-notfound-hash", "eth_getBlockReceipts/get-block-receipts-0",
        "eth_getBlockReceipts/get-block-receipts-earliest", "eth_getBlockReceipts/get-block-receipts-empty",
        "eth_getBlockReceipts/get-block-receipts-future", "eth_getBlockReceipts/get-block-receipts-not-found",
        "eth_getBlockTransactionCountByNumber/get-genesis", "eth_getTransactionByHash/get-empty-tx",
        "eth_getTransactionByHash/get-notfound-tx", "eth_getTransactionReceipt/get-empty-tx",
        "eth_getTransactionReceipt/get-notfound-tx", "eth_getBalance/get-balance-unknown-account",
        "eth_getCode/get-code-unknown-account", "eth_getStorageAt/get-storage-unknown-account",
        "eth_estimateGas/estimate-simple-transfer", "eth_syncing/check-syncing",
        "eth_getLogs/filter-error-future-block-range", "eth_getLogs/filter-error-invalid-blockHash-and-range",
        "eth_getLogs/filter-error-reversed-block-range")) {
      fixtures.put(exact, Comparison.WHOLE_RESPONSE);
    }
    fixtures.put("eth_getStorageAt/get-storage-invalid-key-too-large", Comparison.ERROR_CODE);
    fixtures.put("eth_getStorageAt/get-storage-invalid-key", Comparison.ERROR_CODE);
    try (LuxtensorNode node = TestNodes.devNode(); DevNodeClient client = new DevNodeClient(node)) {
      for (var fixture : fixtures.entrySet()) {
        Fixtures.Exchange exchange = Fixtures.firstExchange("execution-apis/tests/" + fixture.getKey() + ".io");
        JsonNode actual = post(node, exchange.request().toString());
        if (fixture.getValue() == Comparison.WHOLE_RESPONSE) {
          assertEquals(exchange.response(), actual, fixture.getKey());
        } else {
          assertEquals(exchange.response().get("error").get("code"), actual.path("error").get("code"),
              fixture.getKey() + ": " + actual);
        }
      }
      // Its sender is unfunded on our chain: the same request from a funded dev account, nonce 0 as the fixture says.
      Fixtures.Exchange transfer = Fixtures.firstExchange(
          "execution-apis/tests/eth_createAccessList/create-al-value-transfer.io");
      ObjectNode request = transfer.request().deepCopy();
      ((ObjectNode) request.get("params").get(0)).put("from", client.account(0).getAddress());
      assertEquals(transfer.response(), post(node, request.toString()));
    }
  }

  private enum Comparison { WHOLE_RESPONSE, ERROR_CODE }

  /** Calls {@code method}, requires a result, validates it against the method's result schema, and returns it. */
  private JsonNode check(LuxtensorNode node, String method, String params) throws IOException, InterruptedException {
    JsonNode response = post(node, request(method, params));
    assertFalse(response.has("error"), () -> method + " " + params + ": " + response);
    JsonNode result = response.get("result");
    assertNotNull(result, method);
    assertEquals(Set.of(), violations(method, result), () -> method + " " + params + " answered " + result);
    checked.add(method);
    return result;
  }

  /** Where {@code result} departs from {@code method}'s result schema; empty if it fits. */
  static Set<ValidationMessage> violations(String method, JsonNode result) {
    return SCHEMAS.getSchema(resultSchema(method)).validate(result);
  }

  private static JsonNode resultSchema(String method) {
    for (JsonNode document : List.of(SPEC, OURS)) {
      for (JsonNode m : document.get("methods")) {
        if (m.get("name").asText().equals(method)) {
          return m.get("result").get("schema");
        }
      }
    }
    throw new AssertionError("no OpenRPC definition of " + method);
  }

  private static Set<String> served() {
    Set<String> names = new TreeSet<>();
    OURS.get("methods").forEach(m -> names.add(m.get("name").asText()));
    return names;
  }

  private static String request(String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  private static String params(String single) {
    return "[\"" + single + "\"]";
  }

  private JsonNode post(LuxtensorNode node, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.rpcPort()))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static JsonNode classpathJson(String resource) {
    try (InputStream in = ExecutionApisConformanceTest.class.getClassLoader().getResourceAsStream(resource)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode fileJson(Path path) {
    try {
      return JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
