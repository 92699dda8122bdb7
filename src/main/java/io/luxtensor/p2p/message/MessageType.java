package io.luxtensor.p2p.message;

import java.util.Optional;

/** The message types and their codes on the wire (the first byte of a frame's plaintext). */
public enum MessageType {
  STATUS(0x00),
  DISCONNECT(0x01),
  PING(0x02),
  PONG(0x03),
  GET_HEADERS(0x04),
  HEADERS(0x05),
  GET_BODIES(0x06),
  BODIES(0x07),
  NEW_BLOCK(0x08),
  NEW_TRANSACTIONS(0x09),
  VOTE(0x0a),
  EVIDENCE(0x0b),
  GET_PEERS(0x0c),
  PEERS(0x0d),
  GET_FINALITY_PROOF(0x0e),
  FINALITY_PROOF(0x0f),
  GET_TRIE_NODES(0x10),
  TRIE_NODES(0x11);

  private static final MessageType[] BY_CODE = new MessageType[0x12];

  static {
    for (MessageType type : values()) {
      BY_CODE[type.code] = type;
    }
  }

  private final int code;

  MessageType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<MessageType> ofCode(int code) {
    return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
  }
}
