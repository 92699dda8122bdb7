package io.luxtensor.node.validators;

/** A validator key that cannot be stored or opened; the message names the file and says what to do. */
public final class ValidatorKeyStoreException extends RuntimeException {

  /** Why. */
  public enum Reason {
    /** The address already has a keystore in the store. */
    ALREADY_IMPORTED,
    /** The password does not open the keystore. */
    WRONG_PASSWORD,
    /** The keystore is malformed, unsupported, or does not hold the key its name and record say. */
    BAD_KEYSTORE,
    /** A stored keystore has no password file. */
    NO_PASSWORD_FILE,
    /** A file or directory could not be read or written, or is larger than a limit. */
    UNREADABLE,
    /** The store holds {@link ValidatorKeyStore#KEYS_MAX} keys. */
    TOO_MANY_KEYS,
    /** No key, or no single key, for a node that runs one validator (see {@link ValidatorChoice}). */
    NO_SINGLE_VALIDATOR
  }

  private final Reason reason;

  public ValidatorKeyStoreException(Reason reason, String message) {
    this(reason, message, null);
  }

  public ValidatorKeyStoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
