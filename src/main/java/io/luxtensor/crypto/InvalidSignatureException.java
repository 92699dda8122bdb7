package io.luxtensor.crypto;

/** A signature that cannot be valid for any key, with the reason as a value callers can map to an error code. */
public final class InvalidSignatureException extends RuntimeException {

  /** Why a signature was rejected. */
  public enum Reason {
    R_OUT_OF_RANGE("r must be in [1, n-1]"),
    S_OUT_OF_RANGE("s must be in [1, n-1]"),
    S_NOT_LOW("s must be at most n/2 (low-S form)"),
    RECOVERY_ID_INVALID("recovery id must be 0 or 1"),
    R_NOT_ON_CURVE("r is not the x coordinate of a curve point"),
    RECOVERED_POINT_AT_INFINITY("the signature recovers to the point at infinity");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Reason reason;

  public InvalidSignatureException(Reason reason) {
    super("invalid signature: " + reason.description());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
