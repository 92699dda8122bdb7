package io.luxtensor.types;

/** Bytes that are not a well-formed transaction of a supported type; the message names the field. */
public final class TransactionDecodingException extends RuntimeException {
  public TransactionDecodingException(String message) {
    super(message);
  }

  public TransactionDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
