package io.luxtensor.p2p.message;

import java.util.Optional;

/** Why a node closes a connection, sent in a {@link Message.Disconnect} so the other side can log or act on it. */
public enum DisconnectReason {
  REQUESTED(0),
  WRONG_PROTOCOL_VERSION(1),
  WRONG_CHAIN(2),
  WRONG_GENESIS(3),
  TOO_MANY_PEERS(4),
  ALREADY_CONNECTED(5),
  BANNED(6),
  BREACH_OF_PROTOCOL(7),
  INVALID_DATA(8),
  TIMEOUT(9),
  SHUTTING_DOWN(10),
  SELF_CONNECTION(11);

  private final int code;

  DisconnectReason(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<DisconnectReason> ofCode(long code) {
    for (DisconnectReason reason : values()) {
      if (reason.code == code) {
        return Optional.of(reason);
      }
    }
    return Optional.empty();
  }
}
