package io.luxtensor.crypto;

/**
 * A BIP-32 path, derivation or extended key that cannot be used, with the reason as a value. Messages never contain
 * key material.
 */
public final class Bip32Exception extends RuntimeException {

  /** Why a path, a derivation or an extended key was refused. */
  public enum Reason {
    MALFORMED_PATH("malformed derivation path"),
    INDEX_OUT_OF_RANGE("child index out of range"),
    TOO_DEEP("derivation deeper than 255 levels"),
    INVALID_DERIVED_KEY("derived key is invalid (I_L >= n or key = 0); use the next index"),
    INVALID_BASE58_CHECK("extended key is not valid Base58Check"),
    WRONG_LENGTH("extended key is not 78 bytes"),
    UNKNOWN_VERSION("unknown extended key version"),
    VERSION_KEY_MISMATCH("version and key data disagree on private or public"),
    INVALID_PRIVATE_KEY("invalid private key data"),
    INVALID_PUBLIC_KEY("invalid public key data"),
    ZERO_DEPTH_WITH_PARENT_FINGERPRINT("master key (depth 0) with a non-zero parent fingerprint"),
    ZERO_DEPTH_WITH_CHILD_NUMBER("master key (depth 0) with a non-zero child number");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Reason reason;

  public Bip32Exception(Reason reason, String detail) {
    this(reason, detail, null);
  }

  public Bip32Exception(Reason reason, String detail, Throwable cause) {
    super(reason.description() + (detail.isEmpty() ? "" : ": " + detail), cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
