package io.luxtensor.p2p;

/** Bytes from a peer that the transport refuses, with the reason the connection is closed for. */
public final class TransportException extends Exception {
  private final DisconnectReason reason;

  public TransportException(DisconnectReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public DisconnectReason reason() {
    return reason;
  }

  public Disconnect toDisconnect() {
    return new Disconnect(reason, getMessage());
  }
}
