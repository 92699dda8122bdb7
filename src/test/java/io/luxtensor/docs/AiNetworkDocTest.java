package io.luxtensor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/ai-network.md says what is served and what is only planned, and the two stay honest as code lands. */
class AiNetworkDocTest {
  private static final String DOC = Docs.read("docs/ai-network.md");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theDocSaysPlannedExactlyWhileNoAiNetworkMethodIsServed() throws IOException {
    boolean served = false;
    for (JsonNode method : JSON.readTree(Path.of("openrpc/openrpc.json").toFile()).path("methods")) {
      String name = method.path("name").asText();
      served |= name.equals("lux_getMetagraph") || name.startsWith("mt_");
    }
    assertEquals(
        !served,
        DOC.contains("**Status: planned, not in this release.**"),
        "docs/ai-network.md's status line disagrees with the methods openrpc/openrpc.json lists");
  }

  @Test
  void everyMemberOfTheSystemContractsShownIsDocumented() throws IOException {
    for (String contract : new String[] {"ChainInfo", "SubnetRegistry", "Neurons", "Stake", "Weights",
        "Metagraph", "AITasks"}) {
      for (JsonNode member : JSON.readTree(Path.of("abi/" + contract + ".json").toFile())) {
        String name = member.path("name").asText();
        String signature = member.path("type").asText().equals("event") ? "event " + name + "(" : "`" + name + "(";
        assertTrue(DOC.contains(signature), "docs/ai-network.md does not show " + contract + "." + name);
      }
    }
  }
}
