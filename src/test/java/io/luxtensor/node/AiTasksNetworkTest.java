package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.execution.system.AiTasksContract;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.StakeContract;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.p2p.NetworkConfig;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.AbiCalls;
import io.luxtensor.testing.Await;
import io.luxtensor.testing.SeededRandom;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AI tasks end to end on four validator nodes with a real network on loopback: a subnet with three permitted
 * validators (4, 3 and 2 LUX of stake) and two miners; task A submitted through {@code mt_submitAITask} with a
 * 10 LUX fee, answered by both miners, scored, finalized: the miners' 9 LUX split by median score (50000 and 30000);
 * task B answered by nobody and refunded; task C answered by a miner whose result two validators uphold a dispute
 * of: voided, refunded, the miner's 1 LUX of stake slashed. Every node then has the same finalized chain (so the
 * same state root) and answers {@code mt_getAIResult} identically.
 */
class AiTasksNetworkTest {
  private static final long SLOT_MILLIS = 300;
  private static final int NODES = 4;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);
  /** Tempo 2 (an epoch every 3 blocks), 8 UIDs, 3 validator permits, no rate limit, one weight at least. */
  private static final List<Integer> HYPERPARAMETERS = List.of(2, 8, 3, 4_096, 5_000, 0, 1, 32_767, 900_000, 0, 1);
  private static final AiTasksContract.Rules RULES = AiTasksContract.Rules.DEFAULTS;

  @TempDir Path directory;
  private final List<LuxtensorNode> running = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<PrivateKey, Long> nonces = new HashMap<>();
  private final List<Hash> sent = new ArrayList<>();

  @AfterEach
  void stop() {
    running.forEach(LuxtensorNode::close);
  }

  @Test
  void aTaskIsPaidATaskWithoutAnswersRefundedAndADisputedOneVoidedOnEveryNodeAlike() throws Exception {
    SecureRandom random = SeededRandom.of(21);
    List<ValidatorKeys> keys = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      keys.add(ValidatorKeys.derivedFrom(PrivateKey.random(random)));
    }
    GenesisSpec genesis = DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID, 7, Wei.ofLux("1000"),
        SLOT_MILLIS, System.currentTimeMillis() / 1000), keys.stream()
        .map(k -> new Validator(k.address(), DevChain.VALIDATOR_STAKE, k.vrfPublicKey())).toList());
    LuxtensorNode first = start(genesis, keys.get(0), "node0", List.of());
    NodeAddress boot = first.network().orElseThrow().address();
    for (int i = 1; i < NODES; i++) {
      start(genesis, keys.get(i), "node" + i, List.of(boot));
    }
    List<PrivateKey> accounts = DevChain.accounts(7).stream().map(DevChain.DevAccount::key).toList();
    PrivateKey requester = accounts.get(0);
    PrivateKey coldkey = accounts.get(1);
    List<PrivateKey> validators = accounts.subList(2, 5);
    PrivateKey minerA = accounts.get(5);
    PrivateKey minerB = accounts.get(6);

    send(requester, SubnetRegistryContract.ADDRESS, "100", "registerSubnet(string,uint256[])",
        List.of(AbiType.STRING, AbiType.UINT256_ARRAY), List.of("inference",
            HYPERPARAMETERS.stream().map(BigInteger::valueOf).toList()));
    awaitSent();
    List<PrivateKey> hotkeys = List.of(validators.get(0), validators.get(1), validators.get(2), minerA, minerB);
    for (PrivateKey hotkey : hotkeys) {
      send(coldkey, NeuronsContract.ADDRESS, "10", "burnedRegister(uint16,address)",
          List.of(AbiType.UINT16, AbiType.ADDRESS), List.of(BigInteger.ZERO, address(hotkey)));
    }
    List<String> stakes = List.of("4", "3", "2", "1", "0");
    for (int uid = 0; uid < hotkeys.size(); uid++) {
      if (!stakes.get(uid).equals("0")) {
        send(coldkey, StakeContract.ADDRESS, stakes.get(uid), "addStake(uint16,address)",
            List.of(AbiType.UINT16, AbiType.ADDRESS), List.of(BigInteger.ZERO, address(hotkeys.get(uid))));
      }
    }
    awaitSent();
    Await.until("an epoch grants the three validators their permits", WAIT, () -> permits().equals(
        List.of(true, true, true, false, false)), () -> permits().toString());

    long deadline = head() + 8;
    Hash taskA = submitThroughRpc(requester, "10", deadline, "ipfs://task-a");
    Hash taskB = AiTasksContract.taskIdOf(address(requester), nonces.get(requester));
    send(requester, AiTasksContract.ADDRESS, "5", SUBMIT, SUBMIT_TYPES, submitArgs(deadline, "ipfs://task-b"));
    Hash taskC = AiTasksContract.taskIdOf(address(requester), nonces.get(requester));
    send(requester, AiTasksContract.ADDRESS, "4", SUBMIT, SUBMIT_TYPES, submitArgs(deadline, "ipfs://task-c"));
    awaitSent();
    commit(minerA, taskA, "ipfs://answer-a0");
    commit(minerB, taskA, "ipfs://answer-a1");
    commit(minerA, taskC, "ipfs://answer-c0");
    awaitSent();
    assertTrue(head() <= deadline, "the commitments landed by the deadline; head " + head());

    awaitHeadPast(deadline);
    reveal(minerA, taskA, "ipfs://answer-a0");
    reveal(minerB, taskA, "ipfs://answer-a1");
    reveal(minerA, taskC, "ipfs://answer-c0");
    awaitSent();
    int[][] scores = {{60_000, 50_000, 10_000}, {20_000, 30_000, 65_535}};
    for (int v = 0; v < 3; v++) {
      score(validators.get(v), taskA, 3, scores[0][v]);
      score(validators.get(v), taskA, 4, scores[1][v]);
      score(validators.get(v), taskC, 3, 40_000);
    }
    awaitSent();
    assertTrue(head() <= RULES.windows().scoreEnd(deadline), "the scores landed in their window");

    awaitHeadPast(RULES.windows().scoreEnd(deadline));
    send(validators.get(0), AiTasksContract.ADDRESS, "0", "disputeResult(uint256,uint16)",
        List.of(AbiType.UINT256, AbiType.UINT16), List.of(number(taskC), BigInteger.valueOf(3)));
    awaitSent();
    for (int v = 1; v < 3; v++) {
      send(validators.get(v), AiTasksContract.ADDRESS, "0", "voteDispute(uint256,uint16,bool)",
          List.of(AbiType.UINT256, AbiType.UINT16, AbiType.BOOL), List.of(number(taskC), BigInteger.valueOf(3),
              true));
    }
    awaitSent();
    BigInteger minerStake = quantity(rpc(first, "lux_getNeuron", "[\"0x0\",\"0x3\"]").get("stake"));

    awaitHeadPast(RULES.windows().voteEnd(deadline));
    for (Hash task : List.of(taskA, taskB, taskC)) {
      send(requester, AiTasksContract.ADDRESS, "0", "finalizeTask(uint256)", List.of(AbiType.UINT256),
          List.of(number(task)));
    }
    long finalizedIn = awaitSent();
    Await.until("every node finalizes block " + finalizedIn, WAIT,
        () -> running.stream().allMatch(n -> n.chain().head().finalized().number() >= finalizedIn));

    String at = "\"" + Hex.encodeQuantity(finalizedIn) + "\"";
    JsonNode a = rpc(first, "mt_getAIResult", "[\"" + taskA.toHex() + "\"," + at + "]");
    assertEquals("paid", a.get("status").asText());
    assertEquals(List.of("0xc350", "0x7530"), List.of(a.get("results").get(0).get("median").asText(),
        a.get("results").get(1).get("median").asText()), "medians 50000 and 30000");
    assertEquals(Wei.ofLux("5.625").value(), quantity(a.get("results").get(0).get("payout")));
    assertEquals(Wei.ofLux("3.375").value(), quantity(a.get("results").get(1).get("payout")));
    JsonNode b = rpc(first, "lux_getAIResult", "[\"" + taskB.toHex() + "\"," + at + "]");
    assertEquals("refunded", b.get("status").asText());
    assertEquals(Wei.ofLux("5").value(), quantity(b.get("refund")));
    JsonNode c = rpc(first, "mt_getAIResult", "[\"" + taskC.toHex() + "\"," + at + "]");
    assertEquals("upheld", c.get("results").get(0).get("dispute").get("outcome").asText());
    assertEquals("refunded", c.get("status").asText(), "the only result was voided");
    BigInteger slashed = minerStake.subtract(quantity(rpc(first, "lux_getNeuron", "[\"0x0\",\"0x3\"," + at + "]")
        .get("stake")));
    assertEquals(Wei.ofLux("1").value(), slashed, "the miner lost 1 LUX of stake");
    assertEquals(3, quantity(rpc(first, "lux_listTasks", "[{\"netuid\":\"0x0\"}," + at + "]").get("total"))
        .intValue());

    for (LuxtensorNode node : running) {
      for (Hash task : List.of(taskA, taskB, taskC)) {
        assertEquals(rpc(first, "mt_getAIResult", "[\"" + task.toHex() + "\"," + at + "]"),
            rpc(node, "mt_getAIResult", "[\"" + task.toHex() + "\"," + at + "]"), "the same task on every node");
      }
      assertEquals(first.database().canonicalHash(finalizedIn), node.database().canonicalHash(finalizedIn),
          "the same finalized block, so the same state root");
    }
  }

  private static final String SUBMIT = "submitTask(uint16,bytes32,bytes32,string,uint64)";
  private static final List<AbiType> SUBMIT_TYPES =
      List.of(AbiType.UINT16, AbiType.BYTES32, AbiType.BYTES32, AbiType.STRING, AbiType.UINT64);

  private static List<Object> submitArgs(long deadline, String uri) {
    return List.of(BigInteger.ZERO, Hash.keccak("model".getBytes(StandardCharsets.UTF_8)).toBytes(),
        Hash.keccak(uri.getBytes(StandardCharsets.UTF_8)).toBytes(), uri, BigInteger.valueOf(deadline));
  }

  /** Task A goes in through mt_submitAITask on another node, which answers the id before the block. */
  private Hash submitThroughRpc(PrivateKey requester, String fee, long deadline, String uri) throws Exception {
    Transaction tx = transaction(requester, AiTasksContract.ADDRESS, fee, SUBMIT, SUBMIT_TYPES,
        submitArgs(deadline, uri));
    JsonNode answer = rpc(running.get(2), "mt_submitAITask", "[\"" + Hex.encode(tx.encode()) + "\"]");
    assertEquals(tx.hash().toHex(), answer.get("transactionHash").asText());
    sent.add(tx.hash());
    return Hash.fromHex(answer.get("taskId").asText());
  }

  private void commit(PrivateKey miner, Hash task, String uri) {
    byte[] commitment = Hash.keccak(Abi.encode(List.of(AbiType.ADDRESS, AbiType.UINT256, AbiType.BYTES32,
        AbiType.STRING, AbiType.BYTES32), List.of(address(miner), number(task), resultHash(uri), uri, salt())))
        .toBytes();
    send(miner, AiTasksContract.ADDRESS, "0", "commitResult(uint256,bytes32)",
        List.of(AbiType.UINT256, AbiType.BYTES32), List.of(number(task), commitment));
  }

  private void reveal(PrivateKey miner, Hash task, String uri) {
    send(miner, AiTasksContract.ADDRESS, "0", "revealResult(uint256,bytes32,string,bytes32)",
        List.of(AbiType.UINT256, AbiType.BYTES32, AbiType.STRING, AbiType.BYTES32),
        List.of(number(task), resultHash(uri), uri, salt()));
  }

  private void score(PrivateKey validator, Hash task, int uid, int score) {
    send(validator, AiTasksContract.ADDRESS, "0", "scoreResult(uint256,uint16,uint16)",
        List.of(AbiType.UINT256, AbiType.UINT16, AbiType.UINT16),
        List.of(number(task), BigInteger.valueOf(uid), BigInteger.valueOf(score)));
  }

  private void send(PrivateKey from, Address to, String lux, String signature, List<AbiType> types, List<?> args) {
    Transaction tx = transaction(from, to, lux, signature, types, args);
    try {
      assertEquals(new PendingTransactions.Submission.Accepted(tx.hash()),
          running.getFirst().chain().submit(RecoveredTransaction.recover(tx)).get(10, TimeUnit.SECONDS));
    } catch (Exception e) {
      throw new AssertionError("submitting " + signature, e);
    }
    sent.add(tx.hash());
  }

  private Transaction transaction(PrivateKey from, Address to, String lux, String signature, List<AbiType> types,
      List<?> args) {
    long nonce = nonces.merge(from, 1L, Long::sum) - 1;
    return new DynamicFeeTransaction(DevChain.CHAIN_ID, nonce, BigInteger.ONE, BigInteger.valueOf(100_000_000_000L),
        400_000, Optional.of(to), Wei.ofLux(lux), Bytes.of(AbiCalls.calldata(signature, types, args)), List.of(),
        null).sign(from);
  }

  /** Waits until every transaction sent is in a block of the first node and succeeded; the highest such block. */
  private long awaitSent() throws Exception {
    long highest = 0;
    for (Hash hash : sent) {
      Await.until("transaction " + hash + " lands", WAIT,
          () -> !rpcQuietly(running.getFirst(), "eth_getTransactionReceipt", "[\"" + hash.toHex() + "\"]").isNull());
      JsonNode receipt = rpc(running.getFirst(), "eth_getTransactionReceipt", "[\"" + hash.toHex() + "\"]");
      assertEquals("0x1", receipt.get("status").asText(), "transaction " + hash + " succeeded");
      highest = Math.max(highest, quantity(receipt.get("blockNumber")).longValueExact());
    }
    sent.clear();
    return highest;
  }

  private void awaitHeadPast(long block) {
    Await.until("the chain passes block " + block, WAIT, () -> head() > block);
  }

  private long head() {
    return running.getFirst().chain().head().latest().number();
  }

  private List<Boolean> permits() {
    List<Boolean> permits = new ArrayList<>();
    rpcQuietly(running.getFirst(), "lux_getMetagraph", "[\"0x0\"]").path("neurons")
        .forEach(n -> permits.add(n.get("validatorPermit").asBoolean()));
    return permits;
  }

  private JsonNode rpc(LuxtensorNode node, String method, String params) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + node.rpcPort())).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(response.body());
    assertTrue(answer.has("result"), () -> method + ": " + answer);
    JsonNode result = answer.get("result");
    assertEquals(java.util.Set.of(), ExecutionApisConformanceTest.violations(method, result),
        () -> method + " answered " + result);
    return result;
  }

  private JsonNode rpcQuietly(LuxtensorNode node, String method, String params) {
    try {
      return rpc(node, method, params);
    } catch (Exception e) {
      throw new AssertionError(method, e);
    }
  }

  private LuxtensorNode start(GenesisSpec genesis, ValidatorKeys key, String name, List<NodeAddress> bootnodes) {
    NetworkConfig network = NetworkConfig.defaults("127.0.0.1", 0, bootnodes);
    LuxtensorNode node = LuxtensorNode.start(new LuxtensorNode.Options(StorageConfig.memory(), genesis, true,
        List.of(key), new ChainService.Sealing.EverySlot(), TestNodes.LOCAL_API, TxPoolConfig.DEFAULT, false, "test",
        List.of(), Optional.of(P2pSettings.inDatadir(directory.resolve(name), network))), System::currentTimeMillis);
    running.add(node);
    return node;
  }

  private static Address address(PrivateKey key) {
    return Address.of(key.publicKey());
  }

  private static BigInteger number(Hash id) {
    return new BigInteger(1, id.toBytes());
  }

  private static byte[] resultHash(String uri) {
    return Hash.keccak(uri.getBytes(StandardCharsets.UTF_8)).toBytes();
  }

  private static byte[] salt() {
    return Hash.keccak("salt".getBytes(StandardCharsets.UTF_8)).toBytes();
  }

  private static BigInteger quantity(JsonNode hex) {
    return Hex.decodeQuantity(hex.asText());
  }
}
