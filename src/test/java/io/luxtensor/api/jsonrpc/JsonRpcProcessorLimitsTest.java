package io.luxtensor.api.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.api.ApiObserver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The processor's response size limit, and what it reports to its observer. */
class JsonRpcProcessorLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** {"jsonrpc":"2.0","id":1,"result":"…"} is 36 bytes around the result's characters; error answers fit. */
  private static final int RESPONSE_BYTES_MAX = 200;

  private final List<String> reported = new ArrayList<>();
  private final JsonRpcProcessor processor = new JsonRpcProcessor(JSON, List.of(new JsonRpcMethod() {
    @Override
    public String name() {
      return "test_repeat";
    }

    @Override
    public Object execute(JsonRpcParams params) throws JsonRpcException {
      return "x".repeat(params.quantity(0, "count").intValueExact());
    }
  }), new JsonRpcProcessor.Limits(2, RESPONSE_BYTES_MAX), new ApiObserver() {
    @Override
    public void onError(int code) {
      reported.add("error " + code);
    }

    @Override
    public void onRefused(Refusal refusal) {
      reported.add("refused " + refusal.label());
    }
  });

  @Test
  void aResponseAtTheLimitPassesAndOneByteMoreIsRefused() throws IOException {
    JsonNode atLimit = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_repeat\",\"params\":[\"0xa4\"]}");
    assertEquals(164, atLimit.get("result").asText().length(), "36 + 164 = 200 bytes");

    JsonNode over = call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"test_repeat\",\"params\":[\"0xa5\"]}");
    assertEquals(7, over.get("id").asInt(), "the error answers the same request");
    assertEquals(JsonRpcError.LIMIT_EXCEEDED, over.get("error").get("code").asInt());
    assertEquals("response size of 201 bytes exceeds the limit of 200 bytes", over.get("error").get("message").asText());
    assertEquals(List.of("refused response_size", "error -32005"), reported);
  }

  @Test
  void aBatchIsMeasuredWholeAndCountedOnce() throws IOException {
    JsonNode batch = call("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_repeat\",\"params\":[\"0x50\"]},"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test_repeat\",\"params\":[\"0x50\"]}]");
    assertTrue(batch.isObject(), "two answers of 116 bytes are over 200 together");
    assertTrue(batch.get("id").isNull());
    assertEquals(JsonRpcError.LIMIT_EXCEEDED, batch.get("error").get("code").asInt());

    reported.clear();
    call("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"b\"},"
        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"c\"}]");
    assertEquals(List.of("refused batch_size", "error -32005"), reported);
  }

  @Test
  void everyErrorResponseIsReportedWithItsCode() throws IOException {
    call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_nope\"}");
    call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_repeat\",\"params\":[\"12\"]}");
    call("{");
    call("{\"id\":1}");
    call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_repeat\",\"params\":[\"0x1\"]}");
    assertEquals(List.of("error -32601", "error -32602", "error -32700", "error -32600"), reported);
  }

  @Test
  void limitsMustAllowSomething() {
    assertThrows(IllegalArgumentException.class, () -> new JsonRpcProcessor.Limits(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new JsonRpcProcessor.Limits(1, 0));
  }

  private JsonNode call(String body) throws IOException {
    return JSON.readTree(processor.handle(body.getBytes(StandardCharsets.UTF_8)).orElseThrow());
  }
}
