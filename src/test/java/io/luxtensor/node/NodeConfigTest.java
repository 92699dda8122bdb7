package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.api.graphql.GraphQlLimits;
import io.luxtensor.api.ws.WebSocketConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NodeConfigTest {

  /** The shipped config.json spells out the defaults, so it documents them: it must parse to exactly them. */
  @Test
  void theShippedConfigParsesToTheDefaults() throws Exception {
    NodeConfig config = NodeConfig.parse(Files.readString(Path.of("config.json")), Path.of("."));
    assertEquals(WebSocketConfig.defaults(), config.api().webSocket());
    assertEquals(GraphQlLimits.defaults(), config.api().graphQl());
    assertTrue(config.validatorKeystore().isPresent());
  }

  @Test
  void webSocketAndGraphQlLimitsAreConfigurable() {
    NodeConfig config = NodeConfig.parse("""
        {"webSocket": {"connectionsMax": 3, "outboundBytesMax": 1024},
         "graphql": {"queryDepthMax": 4, "blocksRangeMax": 7}}""", Path.of("."));
    assertEquals(new WebSocketConfig(3, WebSocketConfig.SUBSCRIPTIONS_PER_CONNECTION_MAX, 1024),
        config.api().webSocket());
    assertEquals(4, config.api().graphQl().queryDepthMax());
    assertEquals(7, config.api().graphQl().blocksRangeMax());
  }

  @Test
  void unknownOrMalformedKeysNameThemselves() {
    assertEquals("webSocket.bogus: unknown key (known: connectionsMax, host, outboundBytesMax, port, subscriptionsPerConnectionMax)",
        assertThrows(ConfigException.class, () -> NodeConfig.parse("{\"webSocket\": {\"bogus\": 1}}", Path.of(".")))
            .getMessage());
    assertTrue(assertThrows(ConfigException.class,
        () -> NodeConfig.parse("{\"graphql\": {\"queryDepthMax\": 0}}", Path.of("."))).getMessage()
        .startsWith("graphql:"));
  }
}
