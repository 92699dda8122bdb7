package io.luxtensor.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Whether a node just launched serves JSON-RPC yet: the cheapest call, answered once the API listens. */
final class RpcReadiness {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private RpcReadiness() {}

  /** Whether {@code url} answers eth_chainId now; a refused or timed-out call is a no, not an error. */
  static boolean answers(HttpClient http, URI url) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}")).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }
}
