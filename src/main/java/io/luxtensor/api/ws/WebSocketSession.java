package io.luxtensor.api.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.api.filter.LogCriteria;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcProcessor;
import io.luxtensor.api.jsonrpc.eth.FilterParameters;
import io.luxtensor.bytes.Hex;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket connection: its requests run on the worker pool one after another, so responses keep request
 * order; its subscriptions live and die with it; what it is sent goes through Vert.x's write queue, bounded by
 * {@link WebSocketConfig#outboundBytesMax()}: a client that stops reading is disconnected.
 */
final class WebSocketSession {
  private static final System.Logger LOG = System.getLogger(WebSocketSession.class.getName());
  /** RFC 6455 close code 1008, "policy violation": used when a client lets its outbound queue overflow. */
  static final short CLOSE_POLICY_VIOLATION = 1008;
  private static final SecureRandom IDS = new SecureRandom();

  private final ServerWebSocket socket;
  private final WorkerExecutor workers;
  private final SubscriptionHub hub;
  private final WebSocketConfig config;
  private final JsonRpcProcessor processor;
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  /** The last request's completion; each new request runs after it (touched on the event loop only). */
  private Future<?> tail = Future.succeededFuture();

  WebSocketSession(ServerWebSocket socket, WorkerExecutor workers, SubscriptionHub hub, WebSocketConfig config,
      JsonRpcProcessor methods) {
    this.socket = socket;
    this.workers = workers;
    this.hub = hub;
    this.config = config;
    this.processor = methods.withMethods(List.of(new Subscribe(), new Unsubscribe()));
    socket.setWriteQueueMaxSize(config.outboundBytesMax());
  }

  void onMessage(Buffer message) {
    byte[] body = message.getBytes();
    tail = tail.transform(previous -> workers.executeBlocking(() -> processor.handle(body), false))
        .onSuccess(response -> {
          response.ifPresent(bytes -> send(new String(bytes, StandardCharsets.UTF_8)));
          subscriptions.values().forEach(Subscription::activate);
        })
        .onFailure(e -> LOG.log(System.Logger.Level.ERROR, "WebSocket request failed", e));
  }

  /** Sends a subscription notification (called from the dispatcher thread). */
  void notify(Subscription subscription, String resultJson) {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\",\"params\":{\"subscription\":\"" + subscription.id()
        + "\",\"result\":" + resultJson + "}}");
  }

  /** Forgets every subscription: the connection closed. */
  void closed() {
    if (closed.compareAndSet(false, true)) {
      subscriptions.values().forEach(hub::remove);
      subscriptions.clear();
    }
  }

  private void send(String text) {
    if (closed.get()) {
      return;
    }
    if (socket.writeQueueFull()) {
      LOG.log(System.Logger.Level.WARNING, "closing WebSocket " + socket.remoteAddress()
          + ": it is not reading and its outbound queue passed " + config.outboundBytesMax() + " bytes");
      closed();
      socket.close(CLOSE_POLICY_VIOLATION, "outbound queue full: read faster or subscribe to less");
      return;
    }
    socket.writeTextMessage(text);
  }

  /** {@code eth_subscribe(kind, options)}. */
  private final class Subscribe implements JsonRpcMethod {
    @Override
    public String name() {
      return "eth_subscribe";
    }

    @Override
    public Object execute(JsonRpcParams params) throws JsonRpcException {
      params.atMost(2);
      JsonNode kindNode = params.required(0, "subscription");
      Subscription.Kind kind = switch (kindNode.asText()) {
        case "newHeads" -> new Subscription.Kind.NewHeads();
        case "logs" -> new Subscription.Kind.Logs(params.optional(1).isPresent()
            ? FilterParameters.criteria(params.object(1, "filter"), 1) : LogCriteria.ANY);
        case "newPendingTransactions" -> new Subscription.Kind.PendingTransactions(params.bool(1, "fullTransactions",
            false));
        case "syncing" -> new Subscription.Kind.Syncing();
        default -> throw JsonRpcException.invalidParams("invalid argument 0 (subscription): unknown kind \""
            + kindNode.asText() + "\" (newHeads, logs, newPendingTransactions, syncing)");
      };
      if (subscriptions.size() >= config.subscriptionsPerConnectionMax()) {
        throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, "subscription limit reached: at most "
            + config.subscriptionsPerConnectionMax() + " per connection");
      }
      byte[] random = new byte[16];
      IDS.nextBytes(random);
      Subscription subscription = new Subscription(Hex.encode(random), kind, WebSocketSession.this);
      subscriptions.put(subscription.id(), subscription);
      hub.add(subscription);
      return subscription.id();
    }
  }

  /** {@code eth_unsubscribe(id)}: true if the subscription existed on this connection. */
  private final class Unsubscribe implements JsonRpcMethod {
    @Override
    public String name() {
      return "eth_unsubscribe";
    }

    @Override
    public Object execute(JsonRpcParams params) throws JsonRpcException {
      params.atMost(1);
      String id = params.required(0, "subscription").asText();
      Optional<Subscription> removed = Optional.ofNullable(subscriptions.remove(id));
      removed.ifPresent(hub::remove);
      return removed.isPresent();
    }
  }
}
