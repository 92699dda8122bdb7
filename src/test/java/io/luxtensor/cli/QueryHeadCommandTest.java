package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code luxtensor query head}: head, safe and finalized blocks, peers and sync state. */
class QueryHeadCommandTest {
  private static QueryTestChain chain;

  @BeforeAll
  static void startChain() throws Exception {
    chain = QueryTestChain.start();
  }

  @AfterAll
  static void stopChain() {
    chain.close();
  }

  @Test
  void theTableShowsHeadSafeAndFinalizedAsJsonRpcTags() {
    CommandRun run = chain.query("query", "head");
    assertEquals(ExitCodes.OK, run.exitCode(), run.printed());
    Map<String, String> shown = run.keyValues();
    for (String tag : new String[] {"latest", "safe", "finalized"}) {
      JsonNode block = chain.rpc("eth_getBlockByNumber", "[\"" + tag + "\",false]");
      String expected = Long.decode(block.get("number").asText()) + "  " + block.get("hash").asText() + "  "
          + Instant.ofEpochSecond(Long.decode(block.get("timestamp").asText()));
      assertEquals(expected, shown.get(tag.equals("latest") ? "head" : tag), tag);
    }
    assertTrue(shown.get("head").startsWith(chain.pingBlock.block().header().number() + "  "), run.printed());
    assertEquals(String.valueOf(Long.decode(chain.rpc("net_peerCount", "[]").asText())), shown.get("peers"));
    assertEquals(false, chain.rpc("eth_syncing", "[]").asBoolean());
    assertEquals("no", shown.get("syncing"));
  }

  @Test
  void jsonHasTheDocumentedShapeWithTheNodesValues() {
    CommandRun run = chain.query("query", "head", "--json");
    assertEquals(ExitCodes.OK, run.exitCode(), run.printed());
    JsonNode head = QueryTestChain.json(run);
    for (String tag : new String[] {"latest", "safe", "finalized"}) {
      JsonNode block = chain.rpc("eth_getBlockByNumber", "[\"" + tag + "\",false]");
      JsonNode shown = head.get(tag.equals("latest") ? "head" : tag);
      for (String field : new String[] {"number", "hash", "timestamp"}) {
        assertEquals(block.get(field), shown.get(field), tag + "." + field);
      }
      assertEquals(3, shown.size(), shown.toString());
    }
    assertEquals(chain.rpc("net_peerCount", "[]"), head.get("peers"));
    assertEquals(chain.rpc("eth_syncing", "[]"), head.get("syncing"));
    assertEquals(5, head.size(), head.toString());
  }
}
