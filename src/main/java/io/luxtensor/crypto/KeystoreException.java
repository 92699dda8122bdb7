package io.luxtensor.crypto;

/**
 * A keystore file that cannot be opened, with the reason as a value callers can map to an error code. Messages name
 * the offending field; they never contain key material or the password.
 */
public final class KeystoreException extends RuntimeException {

  /** Why a keystore was refused. */
  public enum Reason {
    TOO_LARGE("keystore is too large"),
    MALFORMED_JSON("keystore is not well-formed JSON"),
    MISSING_FIELD("keystore field is missing"),
    INVALID_FIELD("keystore field is invalid"),
    UNSUPPORTED_VERSION("unsupported keystore version"),
    UNSUPPORTED_KDF("unsupported key derivation function"),
    UNSUPPORTED_CIPHER("unsupported cipher"),
    KDF_PARAMS_OUT_OF_BOUNDS("key derivation parameters out of bounds"),
    WRONG_PASSWORD("wrong password or corrupted keystore: MAC mismatch"),
    ADDRESS_MISMATCH("keystore address does not match its key");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Reason reason;

  public KeystoreException(Reason reason) {
    super(reason.description());
    this.reason = reason;
  }

  public KeystoreException(Reason reason, String detail) {
    this(reason, detail, null);
  }

  public KeystoreException(Reason reason, String detail, Throwable cause) {
    super(reason.description() + ": " + detail, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
