package io.luxtensor.rlp;

/** Bytes that are not the canonical RLP encoding of anything, or not of the shape the reader expected. */
public final class RlpDecodingException extends RuntimeException {
  public RlpDecodingException(String message) {
    super(message);
  }
}
