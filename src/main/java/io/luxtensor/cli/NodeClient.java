package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A JSON-RPC client for the command line: one call at a time over HTTP. A node that cannot be reached is a
 * {@link CliException} with exit code 3; an error answer is {@link RpcError} with the node's code and message.
 */
public final class NodeClient {
  /** How long a command waits for the node before saying it is unreachable. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  // HTTP/1.1: asked for HTTP/2 over plain http, Java's client sends "Upgrade: h2c", which Hardhat's node answers 400.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT).build();
  private int nextId = 1;

  public NodeClient(String url) {
    try {
      this.endpoint = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--rpc: not a URL: " + url);
    }
    if (endpoint.getScheme() == null || !endpoint.getScheme().startsWith("http")) {
      throw CliException.usage("--rpc: expected an http:// or https:// URL, got " + url);
    }
  }

  /** A JSON-RPC error answered by the node. */
  public static final class RpcError extends RuntimeException {
    /** EIP-1474's "execution reverted": the node ran the call, and the message carries the contract's reason. */
    static final int EXECUTION_REVERTED = 3;
    private final int code;

    RpcError(int code, String message) {
      super(message);
      this.code = code;
    }

    public int code() {
      return code;
    }

    boolean isRevert() {
      return code == EXECUTION_REVERTED;
    }
  }

  /** Calls {@code method} with {@code params} (strings, numbers, booleans or JsonNodes) and returns the result. */
  public JsonNode call(String method, Object... params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", nextId++);
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object param : params) {
      array.add(JSON.valueToTree(param));
    }
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException | HttpTimeoutException e) {
      throw unreachable(e);
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.FAILED, "interrupted");
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILED, endpoint + " did not answer with JSON-RPC (HTTP "
          + response.statusCode() + ")");
    }
    if (body == null || !body.isObject()) {
      throw new CliException(ExitCodes.FAILED, endpoint + " did not answer with JSON-RPC (HTTP "
          + response.statusCode() + ")");
    }
    if (body.has("error")) {
      throw new RpcError(body.get("error").path("code").asInt(), body.get("error").path("message").asText());
    }
    return body.get("result");
  }

  private CliException unreachable(Exception e) {
    return new CliException(ExitCodes.UNREACHABLE, "cannot reach the node at " + endpoint + " ("
        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
        + "): is it running? (luxtensor dev, or --rpc URL)", e);
  }
}
