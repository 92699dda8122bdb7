package io.luxtensor.p2p.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunables of a {@link Transport}.
 *
 * @param handshakeTimeout how long a connection may take from TCP connect to an authenticated session
 * @param sendQueueBytesMax bytes queued for a peer before the connection is closed with
 *     {@link CloseReason#SEND_QUEUE_FULL}
 * @param capabilities what this node offers in its hello
 */
public record TransportOptions(Duration handshakeTimeout, int sendQueueBytesMax, Capabilities capabilities) {
  /**
   * Two round trips and three EC operations take milliseconds; 5 s covers slow links, and a slower peer would hold
   * one of {@link TransportLimits#HANDSHAKES_PENDING_MAX} slots for nothing.
   */
  public static final Duration HANDSHAKE_TIMEOUT_DEFAULT = Duration.ofSeconds(5);

  public TransportOptions {
    Objects.requireNonNull(capabilities, "capabilities");
    if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
      throw new IllegalArgumentException("handshake timeout must be positive, got " + handshakeTimeout);
    }
    if (sendQueueBytesMax <= 0) {
      throw new IllegalArgumentException("send queue cap must be positive, got " + sendQueueBytesMax);
    }
  }

  public static TransportOptions defaults() {
    return new TransportOptions(HANDSHAKE_TIMEOUT_DEFAULT, TransportLimits.SEND_QUEUE_BYTES_MAX, Capabilities.ALL);
  }

  public TransportOptions withHandshakeTimeout(Duration timeout) {
    return new TransportOptions(timeout, sendQueueBytesMax, capabilities);
  }

  public TransportOptions withSendQueueBytesMax(int bytes) {
    return new TransportOptions(handshakeTimeout, bytes, capabilities);
  }

  public TransportOptions withCapabilities(Capabilities offered) {
    return new TransportOptions(handshakeTimeout, sendQueueBytesMax, offered);
  }
}
