package io.luxtensor.api.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** JSON-RPC 2.0 as the specification words it, with two small methods: echo and one that fails. */
class JsonRpcProcessorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonRpcProcessor processor = new JsonRpcProcessor(JSON, List.of(
      new JsonRpcMethod() {
        @Override
        public String name() {
          return "test_echo";
        }

        @Override
        public Object execute(JsonRpcParams params) throws JsonRpcException {
          return params.address(0, "address").toHex();
        }
      },
      new JsonRpcMethod() {
        @Override
        public String name() {
          return "test_bug";
        }

        @Override
        public Object execute(JsonRpcParams params) {
          throw new IllegalStateException("secret internal detail");
        }
      }), 3);

  @Test
  void aSingleCallAnswersWithItsId() throws IOException {
    JsonNode r = call("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"test_echo\",\"params\":[\"0x00000000000000000000000000000000000000AA\"]}");
    assertEquals("abc", r.get("id").asText());
    assertEquals("0x00000000000000000000000000000000000000aa", r.get("result").asText());
  }

  @Test
  void malformedJsonIsAParseError() throws IOException {
    JsonNode r = call("{\"jsonrpc\":\"2.0\",");
    assertEquals(-32700, r.get("error").get("code").asInt());
    assertTrue(r.get("id").isNull());
  }

  @Test
  void requestsThatAreNotJsonRpcAreInvalid() throws IOException {
    assertEquals(-32600, call("{\"id\":1,\"method\":\"test_echo\"}").get("error").get("code").asInt());
    assertEquals(-32600, call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}").get("error").get("code").asInt());
    assertEquals(-32600, call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":7}")
        .get("error").get("code").asInt());
    assertEquals(-32600, call("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"test_echo\"}").get("error").get("code").asInt());
    assertEquals(-32600, call("[]").get("error").get("code").asInt());
    assertEquals(-32600, call("7").get("error").get("code").asInt());
  }

  @Test
  void unknownMethodsAndBadParamsHaveTheirCodes() throws IOException {
    JsonNode unknown = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_nope\"}");
    assertEquals(-32601, unknown.get("error").get("code").asInt());
    JsonNode bad = call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test_echo\",\"params\":[\"0x12\"]}");
    assertEquals(-32602, bad.get("error").get("code").asInt());
    assertTrue(bad.get("error").get("message").asText().contains("argument 0 (address)"));
    JsonNode missing = call("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"test_echo\",\"params\":[]}");
    assertEquals(-32602, missing.get("error").get("code").asInt());
  }

  @Test
  void failuresInsideAMethodHideTheirDetails() throws IOException {
    JsonNode r = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_bug\"}");
    assertEquals(-32603, r.get("error").get("code").asInt());
    assertFalse(r.toString().contains("secret"), r.toString());
  }

  @Test
  void batchesAnswerInOrderAndSkipNotifications() throws IOException {
    JsonNode r = call("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_nope\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"test_bug\"},"
        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"test_echo\",\"params\":[\"0x0000000000000000000000000000000000000001\"]}]");
    assertEquals(2, r.size());
    assertEquals(1, r.get(0).get("id").asInt());
    assertEquals(3, r.get(1).get("id").asInt());
  }

  @Test
  void onlyNotificationsGetNoResponseAndBigBatchesHitTheLimit() throws IOException {
    assertEquals(Optional.empty(), processor.handle("{\"jsonrpc\":\"2.0\",\"method\":\"test_bug\"}".getBytes(StandardCharsets.UTF_8)));
    String one = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_nope\"}";
    JsonNode r = call("[" + String.join(",", one, one, one, one) + "]");
    assertEquals(-32005, r.get("error").get("code").asInt());
  }

  /**
   * A batch starts every request before it awaits any (so that a batch of transactions reaches the pool at once):
   * here the first request's result only comes when the second one starts, which a batch run one request after
   * another would wait for forever.
   */
  @Test
  void aBatchStartsEveryRequestBeforeAwaitingAny() throws IOException {
    CompletableFuture<Object> gate = new CompletableFuture<>();
    CompletableFuture<Object> refused = new CompletableFuture<>();
    JsonRpcProcessor gated = new JsonRpcProcessor(JSON, List.of(
        started("test_await", params -> gate),
        started("test_refused", params -> refused),
        started("test_open", params -> {
          gate.complete("opened later");
          refused.completeExceptionally(new JsonRpcException(JsonRpcError.SERVER_ERROR, "nonce too low"));
          return CompletableFuture.completedFuture("opening");
        })), 3);
    String batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_await\"},"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test_refused\"},"
        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"test_open\"}]";
    byte[] answer = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> gated.handle(batch.getBytes(StandardCharsets.UTF_8)).orElseThrow());
    JsonNode r = JSON.readTree(answer);
    assertEquals("opened later", r.get(0).get("result").asText());
    assertEquals(-32000, r.get(1).get("error").get("code").asInt());
    assertEquals("nonce too low", r.get(1).get("error").get("message").asText());
    assertEquals("opening", r.get(2).get("result").asText());
  }

  private static JsonRpcMethod started(String name, Function<JsonRpcParams, CompletableFuture<Object>> start) {
    return new JsonRpcMethod() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Object execute(JsonRpcParams params) throws JsonRpcException {
        return start(params).join();
      }

      @Override
      public CompletableFuture<Object> start(JsonRpcParams params) {
        return start.apply(params);
      }
    };
  }

  private JsonNode call(String body) throws IOException {
    return JSON.readTree(processor.handle(body.getBytes(StandardCharsets.UTF_8)).orElseThrow());
  }
}
