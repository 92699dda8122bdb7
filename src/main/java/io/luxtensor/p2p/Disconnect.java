package io.luxtensor.p2p;

import java.util.Objects;

/** The end of a connection: the reason as a value and a detail for logs. */
public record Disconnect(DisconnectReason reason, String detail) {
  public Disconnect {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return reason + ": " + detail;
  }
}
