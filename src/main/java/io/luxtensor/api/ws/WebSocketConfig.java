package io.luxtensor.api.ws;

/**
 * Limits of the WebSocket endpoint.
 *
 * @param connectionsMax open WebSocket connections at once; more are refused with HTTP 503
 * @param subscriptionsPerConnectionMax subscriptions one connection may hold
 * @param outboundBytesMax bytes waiting to be written to one connection; beyond, the connection is closed (a client
 *     that stops reading must not hold memory or delay others)
 *
 * <p>A client's messages are bounded by the API's body limit ({@code api.bodyBytesMax}), as HTTP requests are.
 */
public record WebSocketConfig(int connectionsMax, int subscriptionsPerConnectionMax, int outboundBytesMax) {
  /** Besu's default of active connections is 80; 100 leaves room for a few dashboards more. */
  public static final int CONNECTIONS_MAX = 100;
  /** Enough for every subscription kind several times over; a client needing more opens another connection. */
  public static final int SUBSCRIPTIONS_PER_CONNECTION_MAX = 100;
  /** 4 MiB: a few seconds of full pending transactions at a high rate; a reader keeps it near zero. */
  public static final int OUTBOUND_BYTES_MAX = 4 * 1024 * 1024;

  public WebSocketConfig {
    if (connectionsMax < 0 || subscriptionsPerConnectionMax < 0 || outboundBytesMax <= 0) {
      throw new IllegalArgumentException("WebSocket limits must be positive");
    }
  }

  public static WebSocketConfig defaults() {
    return new WebSocketConfig(CONNECTIONS_MAX, SUBSCRIPTIONS_PER_CONNECTION_MAX, OUTBOUND_BYTES_MAX);
  }
}
