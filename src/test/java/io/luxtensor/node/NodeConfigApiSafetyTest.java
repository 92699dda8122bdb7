package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.api.http.ApiSafety;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The API's limit and access keys in config.json. */
class NodeConfigApiSafetyTest {
  private static final Path BASE = Path.of("/etc/luxtensor");

  @Test
  void readsEveryKey() {
    ApiSafety safety = NodeConfig.parse("""
        {"api": {"responseBytesMax": 1000000, "connectionsMax": 16, "corsOrigins": ["http://localhost:3000"],
                 "rateLimitPerSecond": 50, "rateLimitBurst": 200, "jwtSecretFile": "secrets/jwt.hex"}}
        """, BASE).api().safety();
    assertEquals(new ApiSafety(1_000_000, 16, List.of("http://localhost:3000"), 50, 200,
        Optional.of(BASE.resolve("secrets/jwt.hex"))), safety);
  }

  @Test
  void absentKeysTakeTheDefaultsAndABurstDefaultsToOneSecondsWorth() {
    assertEquals(ApiSafety.defaults(), NodeConfig.parse("{}", BASE).api().safety());
    assertEquals(30, NodeConfig.parse("{\"api\": {\"rateLimitPerSecond\": 30}}", BASE).api().safety()
        .rateLimitBurst());
  }

  @Test
  void theRepositorysConfigSpellsOutTheDefaults() throws java.io.IOException {
    Path file = Path.of("config.json");
    assertEquals(ApiSafety.defaults(),
        NodeConfig.parse(java.nio.file.Files.readString(file), file.toAbsolutePath().getParent()).api().safety());
  }

  @Test
  void wrongValuesNameTheirKey() {
    assertMessage("{\"api\": {\"corsOrigins\": \"*\"}}", "api.corsOrigins: expected an array of strings");
    assertMessage("{\"api\": {\"connectionsMax\": 0}}", "api: connectionsMax must be at least 1, got 0");
    assertMessage("{\"api\": {\"rateLimitPerSecond\": 5, \"rateLimitBurst\": 0}}",
        "api: rateLimitBurst must be at least 1 when a rate limit is set, got 0");
    assertMessage("{\"api\": {\"jwtSecretFile\": 7}}", "api.jwtSecretFile: expected a string");
    assertMessage("{\"api\": {\"corsOrigin\": []}}", "api.corsOrigin: unknown key");
  }

  private static void assertMessage(String json, String start) {
    String message = assertThrows(ConfigException.class, () -> NodeConfig.parse(json, BASE)).getMessage();
    assertTrue(message.startsWith(start), message);
  }
}
