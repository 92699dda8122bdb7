package io.luxtensor.p2p.transport;

/** Bytes from a peer that the transport refuses, with the reason the connection is closed for. */
public final class TransportException extends Exception {
  private final CloseReason reason;

  public TransportException(CloseReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public CloseReason reason() {
    return reason;
  }

  public ConnectionClosed toDisconnect() {
    return new ConnectionClosed(reason, getMessage());
  }
}
