package io.luxtensor.execution.abi;

/** Calldata or return data that does not decode as the expected ABI types; the message names the argument. */
public final class AbiDecodingException extends RuntimeException {
  public AbiDecodingException(String message) {
    super(message);
  }
}
