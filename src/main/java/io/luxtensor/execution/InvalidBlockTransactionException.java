package io.luxtensor.execution;

/** A block contains a transaction that cannot execute (wrong nonce, unaffordable, ...): the block is invalid. */
public final class InvalidBlockTransactionException extends Exception {
  private final int index;
  private final TransactionResult.Invalid invalid;

  public InvalidBlockTransactionException(int index, TransactionResult.Invalid invalid) {
    super("transaction " + index + " is invalid: " + invalid.message());
    this.index = index;
    this.invalid = invalid;
  }

  public int index() {
    return index;
  }

  public TransactionResult.Invalid invalid() {
    return invalid;
  }
}
