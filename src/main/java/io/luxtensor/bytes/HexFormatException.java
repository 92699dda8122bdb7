package io.luxtensor.bytes;

/** A hex string that is not one: odd length, a character outside [0-9a-fA-F], or a missing prefix. */
public final class HexFormatException extends IllegalArgumentException {
  public HexFormatException(String message) {
    super(message);
  }
}
