package io.luxtensor.api.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.ApiCalls;
import io.luxtensor.testing.TestNodes;
import org.junit.jupiter.api.Test;

/** {@code /liveness} and {@code /readiness} on a real node, and the readiness rule itself. */
class HealthEndpointTest {

  @Test
  void livenessIsUpWhileTheApiAnswers() {
    try (LuxtensorNode node = TestNodes.devNode()) {
      ApiCalls.Reply reply = new ApiCalls(node.rpcPort()).get(HealthEndpoint.LIVENESS_PATH);
      assertEquals(200, reply.status());
      assertEquals("application/json", reply.header("Content-Type"));
      assertEquals("{\"status\":\"UP\"}", reply.body());
    }
  }

  @Test
  void aSingleNodeIsReadyByDefaultAndQueryParametersOverrideTheThresholds() {
    try (LuxtensorNode node = TestNodes.devNode()) {
      ApiCalls api = new ApiCalls(node.rpcPort());
      ApiCalls.Reply ready = api.get("/readiness");
      assertEquals(200, ready.status());
      JsonNode body = ready.json();
      assertEquals("UP", body.get("status").asText());
      assertEquals(0, body.get("peers").asInt());
      assertEquals(0, body.get("minPeers").asInt());
      assertEquals(0, body.get("blocksBehind").asLong());
      assertEquals(2, body.get("maxBlocksBehind").asLong());

      ApiCalls.Reply wantsPeers = api.get("/readiness?minPeers=1");
      assertEquals(503, wantsPeers.status(), "no peers until p2p");
      assertEquals("DOWN", wantsPeers.json().get("status").asText());
      assertEquals(1, wantsPeers.json().get("minPeers").asInt());

      ApiCalls.Reply strict = api.get("/readiness?minPeers=0&maxBlocksBehind=0");
      assertEquals(200, strict.status(), "a node is never behind its own head");
      assertEquals(0, strict.json().get("maxBlocksBehind").asLong());

      for (String bad : new String[] {"minPeers=-1", "maxBlocksBehind=two", "minPeers=1e3",
          "maxBlocksBehind=99999999999999999999"}) {
        ApiCalls.Reply refused = api.get("/readiness?" + bad);
        assertEquals(400, refused.status(), bad);
        assertTrue(refused.json().get("error").asText().contains("non-negative whole numbers"), bad);
      }
    }
  }

  @Test
  void readinessNeedsEnoughPeersAndFewEnoughBlocksBehind() {
    assertTrue(new Readiness(0, 0, 0, 2).ready());
    assertTrue(new Readiness(3, 3, 2, 2).ready(), "both thresholds are inclusive");
    assertFalse(new Readiness(2, 3, 0, 2).ready(), "too few peers");
    assertFalse(new Readiness(5, 1, 3, 2).ready(), "too far behind");
  }
}
