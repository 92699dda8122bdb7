package io.luxtensor.api.jsonrpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.ApiObserver;
import io.luxtensor.state.StateUnavailableException;
import io.luxtensor.trie.MissingTrieNodeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * JSON-RPC 2.0 over bytes, transport-free: parses a single request or a batch, dispatches each to its method and
 * renders the response. Notifications (no "id") get no response; a batch of only notifications gets none at all.
 * Errors never carry a stack trace: unexpected failures are logged and answered with -32603. A response larger than
 * the response limit is replaced by -32005 (for a batch, one error for the whole batch, as for its size limit).
 */
public final class JsonRpcProcessor {
  private static final System.Logger LOG = System.getLogger(JsonRpcProcessor.class.getName());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectMapper json;
  private final Map<String, JsonRpcMethod> methods;
  private final int batchSizeMax;
  private final int responseBytesMax;
  private final ApiObserver observer;

  /** A processor without a response size limit that reports nothing. */
  public JsonRpcProcessor(ObjectMapper json, List<JsonRpcMethod> methods, int batchSizeMax) {
    this(json, methods, new Limits(batchSizeMax, Integer.MAX_VALUE), ApiObserver.NONE);
  }

  /**
   * @param limits the batch and response size limits
   * @param observer told of every error response and every refusal by a limit
   */
  public JsonRpcProcessor(ObjectMapper json, List<JsonRpcMethod> methods, Limits limits, ApiObserver observer) {
    this.json = json;
    this.methods = new TreeMap<>();
    for (JsonRpcMethod method : methods) {
      if (this.methods.put(method.name(), method) != null) {
        throw new IllegalArgumentException("two methods named " + method.name());
      }
    }
    this.batchSizeMax = limits.batchSizeMax();
    this.responseBytesMax = limits.responseBytesMax();
    this.observer = observer;
  }

  /**
   * @param batchSizeMax most requests in one batch
   * @param responseBytesMax largest serialized response (a whole batch counts as one)
   */
  public record Limits(int batchSizeMax, int responseBytesMax) {
    public Limits {
      if (batchSizeMax < 1 || responseBytesMax < 1) {
        throw new IllegalArgumentException("limits must be at least 1: " + batchSizeMax + ", " + responseBytesMax);
      }
    }
  }

  /**
   * This processor with {@code extra} methods added, for one connection's own methods (eth_subscribe and
   * eth_unsubscribe on a WebSocket).
   */
  public JsonRpcProcessor withMethods(List<JsonRpcMethod> extra) {
    List<JsonRpcMethod> all = new ArrayList<>(methods.values());
    all.addAll(extra);
    return new JsonRpcProcessor(json, all, batchSizeMax);
  }

  public Iterable<String> methodNames() {
    return methods.keySet();
  }

  /** The response to {@code body}, or empty when nothing is to be sent back (only notifications). */
  public Optional<byte[]> handle(byte[] body) {
    JsonNode request;
    try {
      request = json.readTree(body);
    } catch (IOException e) {
      return Optional.of(write(error(NODES.nullNode(), JsonRpcError.PARSE_ERROR, "parse error: " + firstLine(e))));
    }
    if (request == null || request.isMissingNode()) {
      return Optional.of(write(error(NODES.nullNode(), JsonRpcError.PARSE_ERROR, "parse error: empty body")));
    }
    if (request.isArray()) {
      return handleBatch((ArrayNode) request);
    }
    return start(request).get().map(response -> withinResponseLimit(write(response), response.get("id")));
  }

  private Optional<byte[]> handleBatch(ArrayNode batch) {
    if (batch.isEmpty()) {
      return Optional.of(write(error(NODES.nullNode(), JsonRpcError.INVALID_REQUEST, "empty batch")));
    }
    if (batch.size() > batchSizeMax) {
      observer.onRefused(ApiObserver.Refusal.BATCH_SIZE);
      return Optional.of(write(error(NODES.nullNode(), JsonRpcError.LIMIT_EXCEEDED,
          "batch of " + batch.size() + " requests exceeds the limit of " + batchSizeMax)));
    }
    // Every request starts before any is awaited: transactions of one batch reach the pool together.
    List<Supplier<Optional<ObjectNode>>> started = new ArrayList<>(batch.size());
    for (JsonNode request : batch) {
      started.add(start(request));
    }
    ArrayNode responses = NODES.arrayNode();
    for (Supplier<Optional<ObjectNode>> response : started) {
      response.get().ifPresent(responses::add);
    }
    return responses.isEmpty() ? Optional.empty()
        : Optional.of(withinResponseLimit(write(responses), NODES.nullNode()));
  }

  /** The response, or -32005 in its place when it is over the response size limit. */
  private byte[] withinResponseLimit(byte[] response, JsonNode id) {
    if (response.length <= responseBytesMax) {
      return response;
    }
    observer.onRefused(ApiObserver.Refusal.RESPONSE_SIZE);
    return write(error(id, JsonRpcError.LIMIT_EXCEEDED, "response size of " + response.length
        + " bytes exceeds the limit of " + responseBytesMax + " bytes"));
  }

  /** Starts {@code request}; the supplier awaits and renders its response, or nothing for a notification. */
  private Supplier<Optional<ObjectNode>> start(JsonNode request) {
    if (!request.isObject()) {
      return answered(error(NODES.nullNode(), JsonRpcError.INVALID_REQUEST, "invalid request: not an object"));
    }
    JsonNode id = request.get("id");
    boolean notification = id == null;
    JsonNode responseId = notification ? NODES.nullNode() : id;
    if (!notification && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return answered(error(NODES.nullNode(), JsonRpcError.INVALID_REQUEST,
          "invalid request: id must be a string, number or null"));
    }
    JsonNode version = request.get("jsonrpc");
    JsonNode method = request.get("method");
    JsonNode params = request.get("params");
    String problem = version == null || !"2.0".equals(version.asText()) ? "jsonrpc must be \"2.0\""
        : method == null || !method.isTextual() ? "method must be a string"
        : params != null && !params.isArray() && !params.isNull() ? "params must be an array"
        : null;
    if (problem != null) {
      return answered(error(responseId, JsonRpcError.INVALID_REQUEST, "invalid request: " + problem));
    }
    String name = method.asText();
    CompletableFuture<Object> result = start(name, params == null || params.isNull() ? null : params);
    if (notification) {
      return () -> {
        render(name, responseId, result);
        return Optional.empty();
      };
    }
    return () -> Optional.of(render(name, responseId, result));
  }

  private static Supplier<Optional<ObjectNode>> answered(ObjectNode response) {
    return () -> Optional.of(response);
  }

  private CompletableFuture<Object> start(String name, JsonNode params) {
    JsonRpcMethod method = methods.get(name);
    if (method == null) {
      return CompletableFuture.failedFuture(new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND,
          "the method " + name + " does not exist/is not available"));
    }
    try {
      return method.start(new JsonRpcParams(params));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The response to a started call, rendered on the caller's thread (not the one that completed the call). */
  private ObjectNode render(String name, JsonNode id, CompletableFuture<Object> result) {
    try {
      Object value = result.join();
      ObjectNode response = envelope(id);
      response.set("result", json.valueToTree(value));
      return response;
    } catch (CompletionException e) {
      return failure(name, id, e.getCause());
    } catch (RuntimeException e) {
      return failure(name, id, e);
    }
  }

  private ObjectNode failure(String name, JsonNode id, Throwable failure) {
    return switch (failure) {
      case JsonRpcException e -> {
        ObjectNode response = error(id, e.code(), e.getMessage());
        if (e.data() != null) {
          ((ObjectNode) response.get("error")).set("data", json.valueToTree(e.data()));
        }
        yield response;
      }
      case StateUnavailableException e -> error(id, JsonRpcError.SERVER_ERROR, e.getMessage());
      case MissingTrieNodeException e -> error(id, JsonRpcError.SERVER_ERROR, "state not available: " + e.getMessage()
          + " (a node started by state sync has state from its checkpoint on; one with a state history keeps only"
          + " its latest blocks' states)");
      default -> {
        LOG.log(System.Logger.Level.ERROR, "JSON-RPC method " + name + " failed", failure);
        yield error(id, JsonRpcError.INTERNAL_ERROR, "internal error");
      }
    };
  }

  private static ObjectNode envelope(JsonNode id) {
    ObjectNode response = NODES.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    return response;
  }

  private ObjectNode error(JsonNode id, int code, String message) {
    observer.onError(code);
    ObjectNode response = envelope(id);
    ObjectNode error = response.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return response;
  }

  private byte[] write(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialize", e);
    }
  }

  private static String firstLine(IOException e) {
    String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return message == null ? "malformed JSON" : message.lines().findFirst().orElse("malformed JSON");
  }
}
