package io.luxtensor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP requests to a node's API on loopback, answered as status, headers and body. */
public final class ApiCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Far beyond any answer on loopback: a test that waits this long has found a hang. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
  private final int port;

  public ApiCalls(int port) {
    this.port = port;
  }

  /** An answer. */
  public record Reply(int status, HttpHeaders headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** A JSON-RPC call with id 1; {@code headers} are name, value pairs. */
  public Reply rpc(String method, String paramsJson, String... headers) {
    return post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}",
        headers);
  }

  public Reply post(String body, String... headers) {
    return send(request("/", headers).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public Reply get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  public Reply options(String path, String... headers) {
    return send(request(path, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(REQUEST_TIMEOUT);
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
