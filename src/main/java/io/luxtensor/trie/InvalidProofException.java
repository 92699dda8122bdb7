package io.luxtensor.trie;

/** A Merkle proof that proves nothing about its root, with the reason as a value callers can map to an error code. */
public final class InvalidProofException extends RuntimeException {

  /** Why a proof was rejected. */
  public enum Reason {
    HASH_MISMATCH("a proof node does not hash to the reference its parent (or the root) holds"),
    MISSING_NODE("the proof ends before the path does"),
    MALFORMED_NODE("a proof node is not a valid trie node"),
    UNUSED_NODES("the proof has nodes after the path ended (it diverged or reached its value earlier)");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Reason reason;

  public InvalidProofException(Reason reason, String detail) {
    super("invalid proof: " + reason.description() + ": " + detail);
    this.reason = reason;
  }

  public InvalidProofException(Reason reason, String detail, Throwable cause) {
    super("invalid proof: " + reason.description() + ": " + detail, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
