package io.luxtensor.chain;

/** A genesis file that cannot start a chain; the message names the field. */
public final class GenesisException extends RuntimeException {
  public GenesisException(String message) {
    super(message);
  }

  public GenesisException(String message, Throwable cause) {
    super(message, cause);
  }
}
