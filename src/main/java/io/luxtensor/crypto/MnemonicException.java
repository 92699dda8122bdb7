package io.luxtensor.crypto;

/** A phrase that is not a valid BIP-39 English mnemonic, with the reason as a value. */
public final class MnemonicException extends RuntimeException {

  /** Why a phrase was refused. */
  public enum Reason {
    PHRASE_TOO_LONG("phrase is too long"),
    WRONG_WORD_COUNT("a mnemonic has 12, 15, 18, 21 or 24 words"),
    UNKNOWN_WORD("word is not in the BIP-39 English wordlist"),
    BAD_CHECKSUM("checksum does not match: a word is wrong or out of place");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Reason reason;

  public MnemonicException(Reason reason, String detail) {
    super(reason.description() + (detail.isEmpty() ? "" : ": " + detail));
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
