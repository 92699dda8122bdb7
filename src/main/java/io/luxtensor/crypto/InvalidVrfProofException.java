package io.luxtensor.crypto;

/**
 * A VRF proof that does not verify, or a public key it cannot be checked against, with the reason as a value callers
 * can map to an error code.
 */
public final class InvalidVrfProofException extends RuntimeException {

  /** Why a proof was rejected, in the order {@link Ecvrf#verify} checks them. */
  public enum Reason {
    PUBLIC_KEY_MALFORMED("a public key is 33 bytes: a compressed SEC1 point (prefix 0x02 or 0x03)"),
    PUBLIC_KEY_NOT_ON_CURVE("the public key is not a point on P-256"),
    PROOF_LENGTH_INVALID("a proof is 81 bytes: Gamma (33), c (16), s (32)"),
    GAMMA_INVALID("Gamma is not a compressed SEC1 encoding of a point on P-256"),
    S_OUT_OF_RANGE("s must be below the group order q"),
    CHALLENGE_MISMATCH("the proof does not verify: c differs from the challenge recomputed from it");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Reason reason;

  public InvalidVrfProofException(Reason reason) {
    super("invalid VRF proof: " + reason.description());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
