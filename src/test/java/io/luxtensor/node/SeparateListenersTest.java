package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.api.http.SeparateListeners;
import io.luxtensor.node.LuxtensorNode.Listener;
import io.luxtensor.testing.TestNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Endpoints given their own host and port listen there and not on the main listener. */
class SeparateListenersTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void graphQlMetricsAndWebSocketCanEachHaveTheirOwnPort() throws Exception {
    SeparateListeners.Address anyPort = new SeparateListeners.Address("127.0.0.1", 0);
    try (LuxtensorNode node = TestNodes.devNode(TestNodes.LOCAL_API.withSeparateListeners(
        new SeparateListeners(Optional.of(anyPort), Optional.of(anyPort), Optional.of(anyPort))))) {
      int main = node.rpcPort();
      for (Listener listener : new Listener[] {Listener.WEBSOCKET, Listener.GRAPHQL, Listener.METRICS}) {
        assertNotEquals(main, node.port(listener), listener + " has its own port");
      }
      assertEquals(200, get(node.port(Listener.METRICS), "/metrics").statusCode());
      assertEquals(404, get(main, "/metrics").statusCode());
      HttpResponse<String> graphQl = get(node.port(Listener.GRAPHQL), "/graphql?query=%7BchainID%7D");
      assertTrue(graphQl.body().contains("chainID"), graphQl.body());
      assertEquals(404, get(main, "/graphql?query=%7BchainID%7D").statusCode());
      assertEquals(200, get(main, "/liveness").statusCode(), "health stays on the main listener");
      WebSocket socket = http.newWebSocketBuilder().buildAsync(
          URI.create("ws://127.0.0.1:" + node.port(Listener.WEBSOCKET)), new WebSocket.Listener() {})
          .get(10, TimeUnit.SECONDS);
      socket.abort();
    }
  }

  @Test
  void theConfigFileMovesAnEndpointByNamingItsPort() {
    NodeConfig config = NodeConfig.parse("{\"metrics\": {\"host\": \"0.0.0.0\", \"port\": 9545}}", Path.of("."));
    assertEquals(Optional.of(new SeparateListeners.Address("0.0.0.0", 9545)),
        config.api().separateListeners().metrics());
    assertEquals(Optional.empty(), config.api().separateListeners().graphql());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
