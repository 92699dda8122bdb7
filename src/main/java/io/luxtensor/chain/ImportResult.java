package io.luxtensor.chain;

/** The verdict on a received block. */
public sealed interface ImportResult {

  /** Valid: store it (the state's trie nodes already went to the node sink). */
  record Imported(ProducedBlock block) implements ImportResult {}

  /** Invalid: discard it, the node sink's writes and the world state it was executed on. */
  record Rejected(BlockInvalidReason reason, String detail) implements ImportResult {
    public String message() {
      return detail.isEmpty() ? reason.message() : reason.message() + ": " + detail;
    }
  }
}
