package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP endpoint on loopback that answers JSON-RPC from a script, for answers a LuxTensor dev node never gives
 * today (no safe block, syncing, a missing method, not JSON at all) but which the API allows. Each answer is the
 * JSON of a response's {@code result} or {@code error} member, found by "method firstParam", then by "method";
 * an unscripted method is -32601, as a node answers it.
 */
final class ScriptedNode implements AutoCloseable {
  /** Stands for a body that is not JSON-RPC at all, e.g. a web server's HTML page. */
  static final String NOT_JSON = "<html>not JSON-RPC</html>";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, String> answers;

  ScriptedNode(Map<String, String> answers) throws IOException {
    this.answers = Map.copyOf(answers);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  static String result(String json) {
    return "\"result\":" + json;
  }

  static String error(int code, String message) {
    return "\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}";
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    String method = request.get("method").asText();
    JsonNode first = request.get("params").path(0);
    String scripted = answers.getOrDefault(method + " " + first.asText(),
        answers.getOrDefault(method, error(-32601, "the method " + method + " does not exist/is not available")));
    String body = scripted.equals(NOT_JSON) ? NOT_JSON
        : "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + "," + scripted + "}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
