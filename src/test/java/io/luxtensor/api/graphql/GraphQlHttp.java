package io.luxtensor.api.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A node's GraphQL and JSON-RPC endpoints over real HTTP, for tests. */
final class GraphQlHttp {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: its status and parsed JSON body. */
  record Answer(int status, JsonNode body) {
    JsonNode data() {
      return body.get("data");
    }

    /** The first error's message, or null without errors. */
    String error() {
      JsonNode errors = body.get("errors");
      return errors == null || errors.isEmpty() ? null : errors.get(0).get("message").asText();
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  GraphQlHttp(int port) {
    this.port = port;
  }

  /** POST application/json {"query": ...}. */
  Answer query(String query) throws IOException, InterruptedException {
    return query(query, Map.of());
  }

  Answer query(String query, Map<String, Object> variables) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("query", query);
    body.set("variables", JSON.valueToTree(variables));
    return post("application/json", JSON.writeValueAsString(body));
  }

  /** The data of a query that must succeed. */
  JsonNode data(String query) throws IOException, InterruptedException {
    Answer answer = query(query);
    if (answer.status() != 200 || answer.body().has("errors")) {
      throw new AssertionError("query failed: " + answer);
    }
    return answer.data();
  }

  Answer post(String contentType, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  Answer get(String query) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri("/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
        .GET().build());
  }

  /** A JSON-RPC call's result, failing on an error. */
  JsonNode rpc(String method, Object... params) throws IOException, InterruptedException {
    JsonNode body = rpcResponse(method, params);
    if (body.has("error")) {
      throw new AssertionError(method + " failed: " + body);
    }
    return body.get("result");
  }

  /** A JSON-RPC call's error message, failing if it succeeded. */
  String rpcError(String method, Object... params) throws IOException, InterruptedException {
    JsonNode body = rpcResponse(method, params);
    if (!body.has("error")) {
      throw new AssertionError(method + " succeeded: " + body);
    }
    return body.get("error").get("message").asText();
  }

  private JsonNode rpcResponse(String method, Object... params) throws IOException, InterruptedException {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
    request.set("params", JSON.valueToTree(params));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
