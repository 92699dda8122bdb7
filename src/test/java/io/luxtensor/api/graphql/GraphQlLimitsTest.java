package io.luxtensor.api.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.api.http.ApiServerConfig;
import io.luxtensor.node.ChainService.Sealing;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each limit and each malformed request gets a GraphQL error ({@code {"errors":[{"message":...}]}}) that says what
 * was wrong, and the node keeps serving. These tests only read, so they share one node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQlLimitsTest {
  private final LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new Sealing.Manual(),
      TxPoolConfig.DEFAULT);
  private final GraphQlHttp http = new GraphQlHttp(node.rpcPort());

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void theLimitsRelateAsTheirReasonsSay() {
    int explorerPage = 1 + GraphQlLimits.BLOCKS_RANGE_MAX * (1 + 10);
    assertTrue(explorerPage <= GraphQlLimits.QUERY_COMPLEXITY_MAX, "a full page of blocks with ten fields each");
    int pageWithTransactions = 1 + GraphQlLimits.BLOCKS_RANGE_MAX
        * (1 + ResultSizeComplexity.LIST_ITEMS_ESTIMATE * (1 + 10));
    assertTrue(pageWithTransactions > GraphQlLimits.QUERY_COMPLEXITY_MAX, "the page with ten fields per transaction");
    assertTrue(GraphQlLimits.QUERY_DEPTH_MAX >= 6, "block, transactions, logs, transaction, block, number");
    assertTrue(GraphQlLimits.BLOCKS_RANGE_MAX <= GraphQlLimits.LOGS_BLOCK_RANGE_MAX,
        "a log search covers at least a page of blocks");
    assertTrue(WorkerParsing.QUERY_CHARACTERS_MAX >= 2 * TxPoolConfig.TRANSACTION_SIZE_BYTES_MAX + 1_000,
        "the largest transaction fits inline as hex in a sendRawTransaction");
    assertTrue(WorkerParsing.QUERY_CHARACTERS_MAX < ApiServerConfig.BODY_BYTES_MAX,
        "the parser's bound is the tighter one");
  }

  @Test
  void aQueryTooDeepIsRefused() throws Exception {
    String deep = "{ block { " + "parent { ".repeat(GraphQlLimits.QUERY_DEPTH_MAX) + "number"
        + " }".repeat(GraphQlLimits.QUERY_DEPTH_MAX) + " } }";
    GraphQlHttp.Answer answer = http.query(deep);
    assertEquals(200, answer.status());
    assertEquals("maximum query depth exceeded " + (GraphQlLimits.QUERY_DEPTH_MAX + 2) + " > "
        + GraphQlLimits.QUERY_DEPTH_MAX, answer.error());
    assertFalse(answer.body().has("data") && !answer.body().get("data").isNull(), answer.body().toString());
    assertEquals(answer.error(), http.query(deep.replaceFirst("\\{", "{ __typename")).error(),
        "only pure introspection is exempt");
  }

  @Test
  void aQueryTooComplexIsRefused() throws Exception {
    GraphQlHttp.Answer answer = http.query("""
        { blocks(from: 0, to: 99) { number transactions { hash from { balance transactionCount } to { balance }
            logs { topics data } } } }""");
    assertEquals(200, answer.status());
    assertTrue(answer.error().startsWith("maximum query complexity exceeded "), answer.error());
    assertTrue(answer.error().endsWith(" > " + GraphQlLimits.QUERY_COMPLEXITY_MAX), answer.error());

    assertEquals(null, http.query("{ blocks(from: 0, to: 99) { number hash timestamp gasUsed gasLimit miner { address }"
        + " transactionCount stateRoot baseFeePerGas slot } }").error(), "a full page of plain blocks is fine");
  }

  @Test
  void aBlocksRangeTooLargeIsRefused() throws Exception {
    int requested = GraphQlLimits.BLOCKS_RANGE_MAX + 1;
    assertEquals("blocks range too large: " + requested + " blocks requested, at most "
        + GraphQlLimits.BLOCKS_RANGE_MAX,
        http.query("{ blocks(from: 0, to: " + (requested - 1) + ") { number } }").error());
    assertEquals("from block number must be specified", http.query("{ blocks { number } }").error());
  }

  @Test
  void aLogsRangeTooLargeIsRefused() throws Exception {
    assertEquals("logs block range too large: " + (GraphQlLimits.LOGS_BLOCK_RANGE_MAX + 1)
        + " blocks requested, at most " + GraphQlLimits.LOGS_BLOCK_RANGE_MAX,
        http.query("{ logs(filter: { fromBlock: 0, toBlock: " + GraphQlLimits.LOGS_BLOCK_RANGE_MAX
            + " }) { index } }").error());
  }

  @Test
  void malformedQueriesGetAClearError() throws Exception {
    GraphQlHttp.Answer syntax = http.query("{ block { number }");
    assertEquals(200, syntax.status());
    assertTrue(syntax.error().startsWith("Invalid syntax"), syntax.error());

    GraphQlHttp.Answer unknownField = http.query("{ block { weight } }");
    assertTrue(unknownField.error().contains("Field 'weight' in type 'Block' is undefined"), unknownField.error());

    GraphQlHttp.Answer badScalar = http.query("{ block(hash: \"0x1234\") { number } }");
    assertTrue(badScalar.error().contains("Bytes32 is 32 bytes (64 hex digits), got 2 bytes"), badScalar.error());

    GraphQlHttp.Answer badVariable = http.query("query($n: Long) { block(number: $n) { number } }",
        Map.of("n", "twelve"));
    assertTrue(badVariable.error().contains("expected a number, a decimal string or a 0x-hex string"),
        badVariable.error());

    GraphQlHttp.Answer negative = http.query("{ block(number: -1) { number } }");
    assertTrue(negative.error().contains("must not be negative"), negative.error());

    GraphQlHttp.Answer tooManyTokens = http.query("{ " + "chainID ".repeat(WorkerParsing.QUERY_TOKENS_MAX) + "}");
    assertTrue(tooManyTokens.error().contains("parsing has been cancelled"), tooManyTokens.error());
  }

  @Test
  void malformedRequestsGetAGraphQlErrorNotAStackTrace() throws Exception {
    GraphQlHttp.Answer json = http.post("application/json", "{\"query\": ");
    assertEquals(400, json.status());
    assertTrue(json.error().startsWith("malformed request"), json.error());
    assertFalse(json.body().toString().contains("\tat "), "no stack trace");

    GraphQlHttp.Answer noQuery = http.post("application/json", "{\"variables\": {}}");
    assertEquals(400, noQuery.status());
    assertTrue(noQuery.error().startsWith("malformed request: Query is missing"), noQuery.error());

    GraphQlHttp.Answer batch = http.post("application/json", "[{\"query\": \"{ chainID }\"}]");
    assertEquals(400, batch.status());
    assertTrue(batch.error().startsWith("malformed request: batched queries are not served"), batch.error());

    GraphQlHttp.Answer contentType = http.post("text/plain", "{ chainID }");
    assertEquals(415, contentType.status());
    assertEquals("unsupported content type: POST application/json or application/graphql", contentType.error());

    GraphQlHttp.Answer tooLarge = http.post("application/graphql",
        "{ chainID }" + " ".repeat(ApiServerConfig.BODY_BYTES_MAX));
    assertEquals(413, tooLarge.status());
    assertEquals("request body larger than " + ApiServerConfig.BODY_BYTES_MAX + " bytes", tooLarge.error());

    assertEquals("0x7a69", http.data("{ chainID }").get("chainID").asText(), "and the node keeps serving");
  }

  @Test
  void getWithAQueryParameterAndPostAsApplicationGraphqlAreServed() throws Exception {
    GraphQlHttp.Answer get = http.get("{ chainID block(number: 0) { number } }");
    assertEquals(200, get.status());
    assertEquals("0x7a69", get.data().get("chainID").asText());
    assertEquals("0x0", get.data().get("block").get("number").asText());

    GraphQlHttp.Answer graphql = http.post("application/graphql", "{ chainID }");
    assertEquals(200, graphql.status());
    assertEquals("0x7a69", graphql.data().get("chainID").asText());

    GraphQlHttp.Answer mutation = http.get("mutation { sendRawTransaction(data: \""
        + DevTransactions.transfer(0, 0, 1) + "\") }");
    assertEquals("mutations must be sent with POST", mutation.error());
    assertEquals("0x0", http.rpc("eth_getTransactionCount", DevTransactions.address(0).toHex(), "pending").asText(),
        "nothing was submitted");
  }
}
