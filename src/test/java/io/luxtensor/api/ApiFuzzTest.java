package io.luxtensor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.testing.TextMessages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Garbage at the API: random bytes, random JSON, mangled requests and oversized bodies over HTTP and WebSocket.
 * Every one gets a JSON-RPC error (or an HTTP error status), and the node keeps serving. Seeded: a failure names
 * its seed ({@code -Dluxtensor.fuzz.seed=N} replays it).
 */
class ApiFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> METHODS = List.of("eth_getBalance", "eth_call", "eth_getBlockByNumber",
      "eth_sendRawTransaction", "eth_feeHistory", "eth_getTransactionReceipt", "eth_estimateGas", "eth_subscribe",
      "nope", "");
  private static final List<String> VALUES = List.of("null", "1", "-1", "1e400", "\"0x\"", "\"0x0\"", "\"0x00\"",
      "\"latest\"", "\"0xzz\"", "[]", "{}", "true", "\"" + "f".repeat(5000) + "\"",
      "{\"to\":\"0x0000000000000000000000000000000000001000\",\"data\":\"0x12\"}", "[[[[[[[[[[]]]]]]]]]]");

  private final LuxtensorNode node = TestNodes.devNode();
  private final HttpClient http = HttpClient.newHttpClient();
  private final long seed = Long.getLong("luxtensor.fuzz.seed", System.nanoTime());
  private final Random random = new Random(seed);

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void httpAnswersGarbageWithErrorsAndKeepsServing() throws Exception {
    for (int i = 0; i < 400; i++) {
      byte[] body = garbage();
      HttpResponse<String> response = post(body);
      int status = response.statusCode();
      assertTrue(status == 200 || status == 204 || status == 413, "seed " + seed + ": status " + status);
      if (status == 200) {
        JsonNode answer = JSON.readTree(response.body());
        for (JsonNode one : answer.isArray() ? answer : List.of(answer)) {
          assertTrue(one.has("result") || one.get("error").get("code").isInt(), "seed " + seed + ": " + one);
          assertTrue(!one.toString().contains("Exception") && !one.toString().contains("\tat "), "no stack traces");
        }
      }
    }
    HttpResponse<String> tooBig = post(new byte[6 * 1024 * 1024]);
    assertEquals(413, tooBig.statusCode());
    assertEquals("0x7a69", JSON.readTree(post(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}".getBytes(StandardCharsets.UTF_8)).body())
        .get("result").asText(), "still serving");
  }

  @Test
  void webSocketAnswersGarbageWithErrorsAndKeepsServing() throws Exception {
    BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + node.rpcPort()),
        new TextMessages(messages)).get(10, TimeUnit.SECONDS);
    int expectedReplies = 0;
    for (int i = 0; i < 200; i++) {
      String text = new String(garbage(), StandardCharsets.UTF_8);
      socket.sendText(text, true).get(10, TimeUnit.SECONDS);
      if (!isOnlyNotifications(text)) {
        expectedReplies++;
      }
    }
    socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":\"last\",\"method\":\"eth_chainId\"}", true).get(10, TimeUnit.SECONDS);
    while (true) {
      String message = messages.poll(10, TimeUnit.SECONDS);
      assertNotNull(message, "seed " + seed + ": the connection stopped answering");
      JsonNode reply = JSON.readTree(message);
      if (reply.isObject() && "last".equals(reply.path("id").asText())) {
        assertEquals("0x7a69", reply.get("result").asText());
        break;
      }
      expectedReplies--;
    }
    assertTrue(expectedReplies <= 0, "seed " + seed + ": " + expectedReplies + " requests got no answer");
    socket.abort();
  }

  private boolean isOnlyNotifications(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null) {
        return false;
      }
      if (node.isObject()) {
        return !node.has("id") && node.path("jsonrpc").asText().equals("2.0") && node.path("method").isTextual()
            && (node.get("params") == null || node.get("params").isArray() || node.get("params").isNull());
      }
      if (node.isArray() && !node.isEmpty() && node.size() <= 1024) {
        for (JsonNode element : node) {
          if (!element.isObject() || element.has("id") || !element.path("jsonrpc").asText().equals("2.0")
              || !element.path("method").isTextual()
              || !(element.get("params") == null || element.get("params").isArray() || element.get("params").isNull())) {
            return false;
          }
        }
        return true;
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private byte[] garbage() {
    return switch (random.nextInt(4)) {
      case 0 -> {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        yield bytes;
      }
      case 1 -> request().getBytes(StandardCharsets.UTF_8);
      case 2 -> {
        String valid = request();
        yield valid.substring(0, random.nextInt(valid.length() + 1)).getBytes(StandardCharsets.UTF_8);
      }
      default -> {
        StringBuilder batch = new StringBuilder("[");
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
          batch.append(i == 0 ? "" : ",").append(request());
        }
        yield batch.append("]").toString().getBytes(StandardCharsets.UTF_8);
      }
    };
  }

  private String request() {
    StringBuilder params = new StringBuilder("[");
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      params.append(i == 0 ? "" : ",").append(VALUES.get(random.nextInt(VALUES.size())));
    }
    params.append("]");
    String id = random.nextInt(5) == 0 ? "" : "\"id\":" + VALUES.get(random.nextInt(VALUES.size())) + ",";
    String paramsField = random.nextInt(6) == 0 ? VALUES.get(random.nextInt(VALUES.size())) : params.toString();
    return "{\"jsonrpc\":\"2.0\"," + id + "\"method\":\"" + METHODS.get(random.nextInt(METHODS.size()))
        + "\",\"params\":" + paramsField + "}";
  }

  private HttpResponse<String> post(byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.rpcPort()))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
