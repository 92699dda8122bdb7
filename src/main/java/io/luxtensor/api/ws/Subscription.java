package io.luxtensor.api.ws;

import io.luxtensor.api.filter.LogCriteria;
import java.util.Objects;

/**
 * One eth_subscribe of one connection. Inactive until the subscribe response is on the wire, so a client never sees
 * a notification for an id it has not been told.
 */
final class Subscription {

  /** What is subscribed to. */
  sealed interface Kind {
    record NewHeads() implements Kind {}

    record Logs(LogCriteria filter) implements Kind {}

    /** @param fullTransactions whether to send transaction objects rather than hashes */
    record PendingTransactions(boolean fullTransactions) implements Kind {}

    record Syncing() implements Kind {}
  }

  private final String id;
  private final Kind kind;
  private final WebSocketSession session;
  private volatile boolean active;

  Subscription(String id, Kind kind, WebSocketSession session) {
    this.id = Objects.requireNonNull(id);
    this.kind = Objects.requireNonNull(kind);
    this.session = Objects.requireNonNull(session);
  }

  String id() {
    return id;
  }

  Kind kind() {
    return kind;
  }

  WebSocketSession session() {
    return session;
  }

  boolean isActive() {
    return active;
  }

  void activate() {
    active = true;
  }
}
