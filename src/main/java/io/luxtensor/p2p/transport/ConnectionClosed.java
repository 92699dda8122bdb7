package io.luxtensor.p2p.transport;

import java.util.Objects;

/** The end of a connection: the reason as a value and a detail for logs. */
public record ConnectionClosed(CloseReason reason, String detail) {
  public ConnectionClosed {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return reason + ": " + detail;
  }
}
