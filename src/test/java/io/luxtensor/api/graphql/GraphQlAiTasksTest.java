package io.luxtensor.api.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.ai.TaskWindows;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.execution.system.AiTasksContract;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.StakeContract;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.node.ChainService.Sealing;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * AI tasks in GraphQL on a dev node driven by signed transactions. Subnet 0 has three validators (UIDs 0-2, 4, 3 and
 * 2 LUX of stake), whose permits come from the epoch of block 3, and two miners (UIDs 3 and 4). Tasks a (10 LUX), b
 * (5 LUX) and c (4 LUX) are submitted in block 4 with deadline 5; both miners commit to a and UID 3 to c in block 5,
 * reveal in block 6, and the validators score them in block 7. Subnet 1 is registered in block 11 and task d
 * submitted to it in block 12, and left open. In block 26 UID 0 disputes c's result; in block 27 UID 1 votes to
 * uphold the dispute and UID 2 to reject it. In block 46 a is paid by median score, b (unanswered) refunded and c
 * paid, its dispute rejected. Every field is checked against mt_getAIResult, lux_getTask and lux_listTasks at the
 * head and at each block where something happened.
 */
class GraphQlAiTasksTest {
  /** Tempo 4 (epochs in blocks 3, 8, ...), 8 UIDs, 3 validator permits, no weights rate limit. */
  private static final List<Integer> HYPERPARAMETERS = List.of(4, 8, 3, 4_096, 5_000, 0, 1, 32_767, 900_000, 0, 1);
  private static final int REQUESTER = 0;
  private static final int COLDKEY = 1;
  /** The hotkeys of UIDs 0 to 4 are this dev account and the next four: validators 0-2, miners 3 and 4. */
  private static final int FIRST_HOTKEY = 2;
  private static final long DEADLINE = 5;
  private static final TaskWindows WINDOWS = AiTasksContract.Rules.DEFAULTS.windows();
  /** The blocks after which something happened to a task, and one before any was submitted. */
  private static final List<Long> BLOCKS = List.of(3L, 4L, 5L, 6L, 7L, 12L, 26L, 27L, 46L);
  /** Each validator's scores of UID 3 and of UID 4 on task a. */
  private static final int[][] SCORES_A = {{60_000, 50_000, 10_000}, {20_000, 30_000, 65_535}};
  private static final int SCORE_C = 40_000;
  private static final byte[] SALT = hashOf("salt");
  /** lux_getTask's fields, under its names. */
  private static final String TASK_FIELDS = """
      taskId: id status requester netuid modelHash inputHash inputUri fee submittedAt deadline revealEnd scoreEnd
      disputeEnd voteEnd refund""";
  private static final String RESULT_FIELDS = """
      results { miner commitment revealed resultHash resultUri scores { validator score }
        dispute { disputer outcome upholdVotes rejectVotes } median payout }""";

  private final LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new Sealing.Manual(),
      TxPoolConfig.DEFAULT);
  private final GraphQlHttp http = new GraphQlHttp(node.rpcPort());
  private final DevCalls calls = new DevCalls(node, http);
  /** The tasks by name, in submission order. */
  private final Map<String, Hash> tasks = new LinkedHashMap<>();

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void aTaskAndItsResultsAreWhatMtGetAiResultAnswersAtEveryBlock() throws Exception {
    populate();
    for (long block : BLOCKS) {
      JsonNode data = http.data(everyTask(TASK_FIELDS + " " + RESULT_FIELDS, ", block: " + block));
      for (Map.Entry<String, Hash> task : tasks.entrySet()) {
        assertEquals(asGraphQl(http.rpc("mt_getAIResult", task.getValue().toHex(), quantity(block))),
            data.get(task.getKey()), "task " + task.getKey() + " at block " + block);
      }
    }
    JsonNode head = http.data(everyTask(TASK_FIELDS + " " + RESULT_FIELDS, ""));
    JsonNode withoutResults = http.data(everyTask(TASK_FIELDS, ""));
    for (Map.Entry<String, Hash> task : tasks.entrySet()) {
      assertEquals(asGraphQl(http.rpc("mt_getAIResult", task.getValue().toHex())), head.get(task.getKey()));
      assertEquals(asGraphQl(http.rpc("lux_getTask", task.getValue().toHex())), withoutResults.get(task.getKey()));
    }

    JsonNode a = head.get("a");
    assertEquals("PAID", a.get("status").asText());
    assertEquals(quantity(WINDOWS.revealEnd(DEADLINE)), a.get("revealEnd").asText());
    assertEquals(quantity(WINDOWS.voteEnd(DEADLINE)), a.get("voteEnd").asText());
    assertEquals(List.of("0xc350", "0x7530"), texts(a.get("results"), "median"), "medians 50000 and 30000");
    assertEquals(List.of(lux("5.625"), lux("3.375")), texts(a.get("results"), "payout"));
    assertEquals(List.of(DevTransactions.address(FIRST_HOTKEY + 1).toHex(), quantity(SCORES_A[0][1])),
        List.of(a.get("results").get(0).get("scores").get(1).get("validator").asText(),
            a.get("results").get(0).get("scores").get(1).get("score").asText()));
    assertEquals("ipfs://answer-a3", a.get("results").get(0).get("resultUri").asText());
    JsonNode b = head.get("b");
    assertEquals(List.of("REFUNDED", lux("5"), 0), List.of(b.get("status").asText(), b.get("refund").asText(),
        b.get("results").size()), "nobody answered b");
    JsonNode dispute = head.get("c").get("results").get(0).get("dispute");
    assertEquals("{\"disputer\":\"" + DevTransactions.address(FIRST_HOTKEY).toHex()
        + "\",\"outcome\":\"REJECTED\",\"upholdVotes\":\"0x1\",\"rejectVotes\":\"0x1\"}", dispute.toString());
    assertEquals("PAID", head.get("c").get("status").asText(), "c's result stood");
    assertEquals(List.of("OPEN", "0x1"), List.of(head.get("d").get("status").asText(),
        head.get("d").get("netuid").asText()));

    JsonNode past = http.data(everyTask(TASK_FIELDS + " " + RESULT_FIELDS, ", block: 5"));
    JsonNode committed = past.get("a").get("results").get(0);
    assertFalse(committed.get("revealed").asBoolean());
    assertTrue(committed.get("resultHash").isNull() && committed.get("resultUri").isNull(), "null until revealed");
    assertTrue(past.get("d").isNull(), "d was not submitted yet");
    assertEquals("{\"disputer\":\"" + DevTransactions.address(FIRST_HOTKEY).toHex()
            + "\",\"outcome\":\"OPEN\",\"upholdVotes\":\"0x0\",\"rejectVotes\":\"0x0\"}",
        http.data(everyTask(RESULT_FIELDS, ", block: 26")).get("c").get("results").get(0).get("dispute").toString());
    assertTrue(http.data("{ task(id: \"" + Hash.keccak(new byte[] {9}).toHex() + "\") { id } }").get("task")
        .isNull(), "no task has that id");
  }

  @Test
  void tasksAreLuxListTasksPagesFilteredByNetuidAndStatus() throws Exception {
    populate();
    Hash a = tasks.get("a");
    Hash b = tasks.get("b");
    Hash c = tasks.get("c");
    Hash d = tasks.get("d");
    assertPage(new Filter(null, null, null, null), 46, List.of(a, b, c, d), 4);
    assertPage(new Filter(0, null, null, null), 46, List.of(a, b, c), 3);
    assertPage(new Filter(1, null, null, null), 46, List.of(d), 1);
    assertPage(new Filter(null, "PAID", null, null), 46, List.of(a, c), 2);
    assertPage(new Filter(null, "REFUNDED", null, null), 46, List.of(b), 1);
    assertPage(new Filter(0, "PAID", 1L, 1L), 46, List.of(c), 2);
    assertPage(new Filter(1, "PAID", null, null), 46, List.of(), 0);
    assertPage(new Filter(null, null, 2L, 1L), 46, List.of(c), 4);
    assertPage(new Filter(null, null, 9L, null), 46, List.of(), 4);
    assertPage(new Filter(null, null, null, 0L), 46, List.of(), 4);
    assertPage(new Filter(null, null, null, null), 5, List.of(a, b, c), 3);
    assertPage(new Filter(null, "OPEN", 1L, null), 5, List.of(b, c), 3);
    assertPage(new Filter(null, null, null, null), 3, List.of(), 0);

    assertEquals("{\"tasks\":[{\"id\":\"" + d.toHex() + "\"}],\"total\":\"0x1\"}",
        http.data("{ tasks(status: OPEN) { tasks { id } total } }").get("tasks").toString(), "at the head by default");
  }

  @Test
  void badArgumentsAreErrorsNamingThem() throws Exception {
    String unknown = Hash.keccak(new byte[] {9}).toHex();
    assertTrue(http.query("{ task(id: \"0x1234\") { id } }").error().contains("Bytes32 is 32 bytes"));
    assertEquals("block #99 not found", http.query("{ task(id: \"" + unknown + "\", block: 99) { id } }").error());
    assertEquals("block #99 not found", http.query("{ tasks(block: 99) { total } }").error());
    assertEquals("netuid is a u16 (at most 65535), not 65536",
        http.query("{ tasks(netuid: 65536) { total } }").error());
    assertEquals("limit is at most 100, not 101", http.query("{ tasks(limit: 101) { total } }").error());
    assertEquals("invalid argument 0 (filter.limit): at most 100", http.rpcError("lux_listTasks",
        Map.of("limit", "0x65")), "as lux_listTasks refuses it");
    assertTrue(http.query("{ tasks(offset: -1) { total } }").error().contains("must not be negative"));
    assertTrue(http.query("{ tasks(status: CLOSED) { total } }").error().contains("TaskStatus"));

    String everyScoreOfAPage = "{ tasks%s { tasks { results { scores { validator score } } } } }";
    assertEquals("maximum query complexity exceeded 21102 > " + GraphQlLimits.QUERY_COMPLEXITY_MAX,
        http.query(everyScoreOfAPage.formatted("")).error(), "a page counts its limit, 100 by default");
    assertEquals(null, http.query(everyScoreOfAPage.formatted("(limit: 5)")).error(), "5 tasks: 1057");
  }

  /**
   * The page of tasks {@code filter} selects at {@code block}: lux_listTasks' answer, whose tasks have the
   * {@code ids} and whose total is {@code total}.
   */
  private void assertPage(Filter filter, long block, List<Hash> ids, long total) throws Exception {
    JsonNode page = http.data("{ tasks(%s) { tasks { %s } total } }".formatted(filter.arguments(block), TASK_FIELDS))
        .get("tasks");
    ObjectNode expected = http.rpc("lux_listTasks", filter.rpc(), quantity(block)).deepCopy();
    List<JsonNode> expectedTasks = new ArrayList<>();
    expected.get("tasks").forEach(task -> expectedTasks.add(asGraphQl(task)));
    expected.putArray("tasks").addAll(expectedTasks);
    assertEquals(expected, page, filter + " at block " + block);
    assertEquals(ids.stream().map(Hash::toHex).toList(), texts(page.get("tasks"), "taskId"), filter + " ids");
    assertEquals(quantity(total), page.get("total").asText(), filter + " total");
  }

  /** A lux_listTasks filter and the tasks arguments that mean the same; null parts are not given. */
  private record Filter(Integer netuid, String status, Long offset, Long limit) {
    String arguments(long block) {
      StringJoiner arguments = new StringJoiner(", ");
      if (netuid != null) {
        arguments.add("netuid: " + netuid);
      }
      if (status != null) {
        arguments.add("status: " + status);
      }
      if (offset != null) {
        arguments.add("offset: " + offset);
      }
      if (limit != null) {
        arguments.add("limit: " + limit);
      }
      return arguments.add("block: " + block).toString();
    }

    Map<String, String> rpc() {
      Map<String, String> filter = new LinkedHashMap<>();
      if (netuid != null) {
        filter.put("netuid", quantity(netuid));
      }
      if (status != null) {
        filter.put("status", status.toLowerCase(Locale.ROOT));
      }
      if (offset != null) {
        filter.put("offset", quantity(offset));
      }
      if (limit != null) {
        filter.put("limit", quantity(limit));
      }
      return filter;
    }
  }

  /** A query of every task by name ({@code a: task(id: ...) { fields }} ...), each with {@code arguments} added. */
  private String everyTask(String fields, String arguments) {
    StringJoiner query = new StringJoiner(" ", "{ ", " }");
    tasks.forEach((name, id) -> query.add("%s: task(id: \"%s\"%s) { %s }".formatted(name, id.toHex(), arguments,
        fields)));
    return query.toString();
  }

  /** A task as the JSON-RPC methods answer it, as GraphQL writes it: status and outcome are enum values. */
  private static JsonNode asGraphQl(JsonNode task) {
    if (task.isNull()) {
      return task;
    }
    ObjectNode copy = task.deepCopy();
    copy.put("status", copy.get("status").asText().toUpperCase(Locale.ROOT));
    for (JsonNode result : copy.path("results")) {
      if (!result.get("dispute").isNull()) {
        ObjectNode dispute = (ObjectNode) result.get("dispute");
        dispute.put("outcome", dispute.get("outcome").asText().toUpperCase(Locale.ROOT));
      }
    }
    return copy;
  }

  /** The subnets, UIDs, tasks and answers the class comment describes, sealed through block 46. */
  private void populate() throws Exception {
    registerSubnet("inference", "100");
    calls.sealThrough(1);
    for (int uid = 0; uid < 5; uid++) {
      calls.send(COLDKEY, NeuronsContract.ADDRESS, "10", "burnedRegister(uint16,address)",
          List.of(AbiType.UINT16, AbiType.ADDRESS), List.of(BigInteger.ZERO, hotkey(uid)));
    }
    List<String> stakes = List.of("4", "3", "2");
    for (int uid = 0; uid < stakes.size(); uid++) {
      calls.send(COLDKEY, StakeContract.ADDRESS, stakes.get(uid), "addStake(uint16,address)",
          List.of(AbiType.UINT16, AbiType.ADDRESS), List.of(BigInteger.ZERO, hotkey(uid)));
    }
    calls.sealThrough(3);
    List<Boolean> permits = new ArrayList<>();
    http.rpc("lux_getMetagraph", "0x0", "0x3").get("neurons")
        .forEach(n -> permits.add(n.get("validatorPermit").asBoolean()));
    assertEquals(List.of(true, true, true, false, false), permits, "the validators' permits");

    submit("a", 0, "10", DEADLINE);
    submit("b", 0, "5", DEADLINE);
    submit("c", 0, "4", DEADLINE);
    calls.sealThrough(4);
    commit(3, "a");
    commit(4, "a");
    commit(3, "c");
    calls.sealThrough(DEADLINE);
    reveal(3, "a");
    reveal(4, "a");
    reveal(3, "c");
    calls.sealThrough(6);
    for (int validator = 0; validator < 3; validator++) {
      score(validator, "a", 3, SCORES_A[0][validator]);
      score(validator, "a", 4, SCORES_A[1][validator]);
      score(validator, "c", 3, SCORE_C);
    }
    calls.sealThrough(10);
    registerSubnet("text", "300");
    calls.sealThrough(11);
    submit("d", 1, "1", 1_000);
    calls.sealThrough(WINDOWS.scoreEnd(DEADLINE));
    calls.send(FIRST_HOTKEY, AiTasksContract.ADDRESS, "0", "disputeResult(uint256,uint16)",
        List.of(AbiType.UINT256, AbiType.UINT16), List.of(number(tasks.get("c")), BigInteger.valueOf(3)));
    calls.sealThrough(WINDOWS.scoreEnd(DEADLINE) + 1);
    vote(1, "c", 3, true);
    vote(2, "c", 3, false);
    calls.sealThrough(WINDOWS.voteEnd(DEADLINE));
    for (String task : List.of("a", "b", "c")) {
      calls.send(REQUESTER, AiTasksContract.ADDRESS, "0", "finalizeTask(uint256)", List.of(AbiType.UINT256),
          List.of(number(tasks.get(task))));
    }
    calls.sealThrough(WINDOWS.voteEnd(DEADLINE) + 1);
  }

  private void registerSubnet(String name, String lux) throws Exception {
    calls.send(REQUESTER, SubnetRegistryContract.ADDRESS, lux, "registerSubnet(string,uint256[])",
        List.of(AbiType.STRING, AbiType.UINT256_ARRAY),
        List.of(name, HYPERPARAMETERS.stream().map(BigInteger::valueOf).toList()));
  }

  /** Submits task {@code name} to subnet {@code netuid}, whose id follows from the requester and its nonce. */
  private void submit(String name, int netuid, String feeLux, long deadline) throws Exception {
    String uri = "ipfs://task-" + name;
    long nonce = calls.send(REQUESTER, AiTasksContract.ADDRESS, feeLux,
        "submitTask(uint16,bytes32,bytes32,string,uint64)",
        List.of(AbiType.UINT16, AbiType.BYTES32, AbiType.BYTES32, AbiType.STRING, AbiType.UINT64),
        List.of(BigInteger.valueOf(netuid), hashOf("model"), hashOf(uri), uri, BigInteger.valueOf(deadline)));
    tasks.put(name, AiTasksContract.taskIdOf(DevTransactions.address(REQUESTER), nonce));
  }

  /** Miner UID {@code uid} commits to its answer to task {@code task}. */
  private void commit(int uid, String task) throws Exception {
    String uri = answerUri(uid, task);
    byte[] commitment = Hash.keccak(Abi.encode(List.of(AbiType.ADDRESS, AbiType.UINT256, AbiType.BYTES32,
        AbiType.STRING, AbiType.BYTES32), List.of(hotkey(uid), number(tasks.get(task)), hashOf(uri), uri, SALT)))
        .toBytes();
    calls.send(FIRST_HOTKEY + uid, AiTasksContract.ADDRESS, "0", "commitResult(uint256,bytes32)",
        List.of(AbiType.UINT256, AbiType.BYTES32), List.of(number(tasks.get(task)), commitment));
  }

  private void reveal(int uid, String task) throws Exception {
    String uri = answerUri(uid, task);
    calls.send(FIRST_HOTKEY + uid, AiTasksContract.ADDRESS, "0", "revealResult(uint256,bytes32,string,bytes32)",
        List.of(AbiType.UINT256, AbiType.BYTES32, AbiType.STRING, AbiType.BYTES32),
        List.of(number(tasks.get(task)), hashOf(uri), uri, SALT));
  }

  private static String answerUri(int uid, String task) {
    return "ipfs://answer-" + task + uid;
  }

  private void score(int validator, String task, int uid, int score) throws Exception {
    calls.send(FIRST_HOTKEY + validator, AiTasksContract.ADDRESS, "0", "scoreResult(uint256,uint16,uint16)",
        List.of(AbiType.UINT256, AbiType.UINT16, AbiType.UINT16),
        List.of(number(tasks.get(task)), BigInteger.valueOf(uid), BigInteger.valueOf(score)));
  }

  private void vote(int validator, String task, int uid, boolean uphold) throws Exception {
    calls.send(FIRST_HOTKEY + validator, AiTasksContract.ADDRESS, "0", "voteDispute(uint256,uint16,bool)",
        List.of(AbiType.UINT256, AbiType.UINT16, AbiType.BOOL),
        List.of(number(tasks.get(task)), BigInteger.valueOf(uid), uphold));
  }

  private static Address hotkey(int uid) {
    return DevTransactions.address(FIRST_HOTKEY + uid);
  }

  private static byte[] hashOf(String text) {
    return Hash.keccak(text.getBytes(StandardCharsets.UTF_8)).toBytes();
  }

  private static BigInteger number(Hash id) {
    return new BigInteger(1, id.toBytes());
  }

  private static String quantity(long value) {
    return JsonRpcResults.quantity(value);
  }

  private static String lux(String amount) {
    return JsonRpcResults.quantity(Wei.ofLux(amount).value());
  }

  private static List<String> texts(JsonNode objects, String field) {
    List<String> texts = new ArrayList<>();
    objects.forEach(o -> texts.add(o.get(field).asText()));
    return texts;
  }
}
