package io.luxtensor.cli;

import static io.luxtensor.cli.ScriptedNode.error;
import static io.luxtensor.cli.ScriptedNode.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Answers the JSON-RPC API allows but a single dev node never gives (its genesis is safe and finalized, it is never
 * behind, it serves lux_getValidators), from a {@link ScriptedNode}: how the commands map them to exit codes.
 */
class QueryUnusualAnswersTest {
  private static final String HEAD = "{\"number\":\"0x5\",\"hash\":\"0x" + "55".repeat(32)
      + "\",\"timestamp\":\"0x6650f2c0\"}";
  private static final String NO_SAFE_BLOCK = error(-39001, "unknown block: no safe block yet");
  private static final String NO_FINALIZED_BLOCK = error(-39001, "unknown block: no finalized block yet");

  @Test
  void safeAndFinalizedBeforeTheChainHasThemAreNotFoundOrNoneYet() throws Exception {
    try (ScriptedNode node = new ScriptedNode(Map.of(
        "eth_getBlockByNumber latest", result(HEAD),
        "eth_getBlockByNumber safe", NO_SAFE_BLOCK,
        "eth_getBlockByNumber finalized", NO_FINALIZED_BLOCK,
        "net_peerCount", result("\"0x3\""),
        "eth_syncing", result("{\"startingBlock\":\"0x0\",\"currentBlock\":\"0x5\",\"highestBlock\":\"0x64\"}")))) {
      CommandRun safe = CommandRun.of("query", "block", "safe", "--rpc", node.url());
      assertEquals(ExitCodes.NOT_FOUND, safe.exitCode(), safe.printed());
      assertEquals("error: no safe block yet\n", safe.err());
      CommandRun account = CommandRun.of("query", "account", "0x000000000000000000000000000000000000beef",
          "--block", "finalized", "--rpc", node.url());
      assertEquals(ExitCodes.NOT_FOUND, account.exitCode(), account.printed());
      assertEquals("error: no finalized block yet\n", account.err());

      CommandRun head = CommandRun.of("query", "head", "--rpc", node.url());
      assertEquals(ExitCodes.OK, head.exitCode(), head.printed());
      Map<String, String> shown = head.keyValues();
      assertEquals("5  0x" + "55".repeat(32) + "  2024-05-24T20:04:16Z", shown.get("head"));
      assertEquals("none yet", shown.get("safe"));
      assertEquals("none yet", shown.get("finalized"));
      assertEquals("3", shown.get("peers"));
      assertEquals("yes: block 5 of 100", shown.get("syncing"));

      JsonNode json = QueryTestChain.json(CommandRun.of("query", "head", "--json", "--rpc", node.url()));
      assertTrue(json.get("safe").isNull(), json.toString());
      assertTrue(json.get("finalized").isNull(), json.toString());
      assertEquals("0x64", json.get("syncing").get("highestBlock").asText());
    }
  }

  @Test
  void aNodeWithoutLuxGetValidatorsIsAFailureQuotingItsError() throws Exception {
    try (ScriptedNode ethereumNode = new ScriptedNode(Map.of())) {
      CommandRun run = CommandRun.of("query", "validators", "--rpc", ethereumNode.url());
      assertEquals(ExitCodes.FAILED, run.exitCode(), run.printed());
      assertEquals("error: the node refused: the method lux_getValidators does not exist/is not available "
          + "(JSON-RPC error -32601)\n", run.err());
    }
  }

  @Test
  void anAnswerThatIsNotJsonRpcOrIsMalformedIsAFailure() throws Exception {
    try (ScriptedNode webServer = new ScriptedNode(Map.of("eth_getBlockByNumber", ScriptedNode.NOT_JSON))) {
      CommandRun run = CommandRun.of("query", "block", "--rpc", webServer.url());
      assertEquals(ExitCodes.FAILED, run.exitCode(), run.printed());
      assertEquals("error: " + webServer.url() + " did not answer with JSON-RPC (HTTP 200)\n", run.err());
    }
    try (ScriptedNode odd = new ScriptedNode(Map.of("eth_getBlockByNumber", result("{\"number\":\"12\"}")))) {
      CommandRun run = CommandRun.of("query", "block", "--rpc", odd.url());
      assertEquals(ExitCodes.FAILED, run.exitCode(), run.printed());
      assertEquals("error: the node answered a malformed number: 12\n", run.err());
    }
  }
}
