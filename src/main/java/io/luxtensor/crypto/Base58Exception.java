package io.luxtensor.crypto;

/** Text that is not valid Base58 or Base58Check, with the reason as a value. */
public final class Base58Exception extends RuntimeException {

  /** Why Base58 text was refused. */
  public enum Reason {
    TOO_LONG("Base58 text is too long"),
    INVALID_CHARACTER("character is not in the Base58 alphabet"),
    TOO_SHORT_FOR_CHECKSUM("Base58Check data is shorter than its 4-byte checksum"),
    CHECKSUM_MISMATCH("Base58Check checksum does not match");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Reason reason;

  public Base58Exception(Reason reason, String detail) {
    super(reason.description() + (detail.isEmpty() ? "" : ": " + detail));
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
