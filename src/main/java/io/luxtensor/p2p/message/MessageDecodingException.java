package io.luxtensor.p2p.message;

/** A payload that is not a valid message of its type: the peer that sent it breached the protocol. */
public final class MessageDecodingException extends RuntimeException {
  public MessageDecodingException(String message) {
    super(message);
  }

  public MessageDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
