package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * JSON-RPC over one WebSocket. The node answers a connection's requests one after another, in order, so each
 * answer completes the oldest request waiting; subscription notifications go to {@link #onNotification}. A request
 * unanswered within the timeout closes the connection, failing every request waiting on it: a later answer could
 * not be told from the next one's. Used on the Vert.x context it was connected on.
 */
final class WebSocketRpcChannel implements RpcChannel {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** RFC 6455 close code 1000: a normal closure. */
  private static final short CLOSE_NORMAL = 1000;

  private final Vertx vertx;
  private final WebSocket socket;
  private final long timeoutMillis;
  private final Deque<Promise<JsonNode>> waiting = new ArrayDeque<>();
  private Consumer<JsonNode> notifications = notification -> {};
  /** Why no more answers will come; null while the connection is open. */
  private String closedBecause;

  private WebSocketRpcChannel(Vertx vertx, WebSocket socket, long timeoutMillis) {
    this.vertx = vertx;
    this.socket = socket;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Opens a connection to {@code url} (ws:// or wss://).
   *
   * @param timeoutMillis how long to wait for the connection, and for each answer
   */
  static Future<WebSocketRpcChannel> connect(Vertx vertx, WebSocketClient client, URI url, long timeoutMillis) {
    // No Origin header: that is a browser's, and a node without CORS refuses requests that carry one.
    WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(url.toString())
        .setTimeout(timeoutMillis).setAllowOriginHeader(false);
    return client.connect(options).map(socket -> {
      WebSocketRpcChannel channel = new WebSocketRpcChannel(vertx, socket, timeoutMillis);
      socket.textMessageHandler(channel::onMessage);
      socket.closeHandler(closed -> channel.closed("the node closed the WebSocket"
          + (socket.closeReason() == null ? "" : ": " + socket.closeReason())));
      socket.exceptionHandler(failure -> channel.close("WebSocket failed: " + failure));
      return channel;
    });
  }

  /** Where subscription notifications go: the {@code params} of each ({@code subscription} and {@code result}). */
  void onNotification(Consumer<JsonNode> handler) {
    this.notifications = handler;
  }

  @Override
  public Future<JsonNode> send(String body) {
    if (closedBecause != null) {
      return Future.failedFuture(new TransportException(closedBecause));
    }
    Promise<JsonNode> answer = Promise.promise();
    waiting.add(answer);
    socket.writeTextMessage(body);
    vertx.setTimer(timeoutMillis, timer -> {
      if (!answer.future().isComplete()) {
        close("no answer within " + timeoutMillis + " ms");
      }
    });
    return answer.future();
  }

  /** Closes the connection, failing what waits on it with {@code reason}. */
  void close(String reason) {
    closed(reason);
    socket.close(CLOSE_NORMAL, reason.length() > 100 ? reason.substring(0, 100) : reason);
  }

  private void onMessage(String text) {
    RpcChannel.parse(JSON, Buffer.buffer(text)).onComplete(parsed -> {
      JsonNode message = parsed.succeeded() ? parsed.result() : null;
      if (message != null && "eth_subscription".equals(message.path("method").asText())) {
        notifications.accept(message.path("params"));
        return;
      }
      Promise<JsonNode> oldest = waiting.poll();
      if (oldest != null) {
        oldest.handle(parsed);
      }
    });
  }

  private void closed(String reason) {
    if (closedBecause == null) {
      closedBecause = reason;
    }
    Promise<JsonNode> next;
    while ((next = waiting.poll()) != null) {
      next.fail(new TransportException(closedBecause));
    }
  }
}
