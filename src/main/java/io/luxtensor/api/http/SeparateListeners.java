package io.luxtensor.api.http;

import java.util.Objects;
import java.util.Optional;

/**
 * Endpoints moved off the main listener onto their own host and port (e.g. metrics on an internal interface for
 * Prometheus while JSON-RPC stays on 127.0.0.1). Empty: the endpoint shares the main listener.
 *
 * @param webSocket JSON-RPC over WebSocket
 * @param graphql GraphQL
 * @param metrics Prometheus metrics
 */
public record SeparateListeners(Optional<Address> webSocket, Optional<Address> graphql, Optional<Address> metrics) {
  public static final SeparateListeners NONE = new SeparateListeners(Optional.empty(), Optional.empty(),
      Optional.empty());

  public SeparateListeners {
    Objects.requireNonNull(webSocket, "webSocket");
    Objects.requireNonNull(graphql, "graphql");
    Objects.requireNonNull(metrics, "metrics");
  }

  /** @param host interface to bind; @param port TCP port, 0 for any free one */
  public record Address(String host, int port) {
    public Address {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
      }
    }
  }
}
