package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;

/** JSON-RPC over HTTP: each body is POSTed on one of the client's keep-alive connections. */
final class HttpRpcChannel implements RpcChannel {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final URI url;
  private final long timeoutMillis;

  /** @param timeoutMillis how long to wait for a connection, and for the answer once asked */
  HttpRpcChannel(HttpClient client, URI url, long timeoutMillis) {
    this.client = client;
    this.url = url;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Future<JsonNode> send(String body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
        .setAbsoluteURI(url.toString())
        .putHeader("Content-Type", "application/json")
        .setConnectTimeout(timeoutMillis)
        .setIdleTimeout(timeoutMillis);
    return client.request(options)
        .compose(request -> request.send(Buffer.buffer(body)))
        .compose(response -> response.body().compose(answer -> response.statusCode() == 200
            ? RpcChannel.parse(JSON, answer)
            : Future.failedFuture(new TransportException("HTTP " + response.statusCode() + ": " + answer))));
  }
}
