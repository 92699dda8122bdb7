package io.luxtensor.p2p.transport;

/** Which side of a handshake: it is signed into each auth so one side's proof cannot be reflected back as the other's. */
public enum Role {
  INITIATOR((byte) 0),
  RESPONDER((byte) 1);

  private final byte wire;

  Role(byte wire) {
    this.wire = wire;
  }

  byte wire() {
    return wire;
  }

  Role other() {
    return this == INITIATOR ? RESPONDER : INITIATOR;
  }
}
