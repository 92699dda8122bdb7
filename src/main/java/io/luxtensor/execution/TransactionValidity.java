package io.luxtensor.execution;

import io.luxtensor.types.Address;

/** The verdict of stateless validation: valid with the recovered sender, or invalid with a reason. */
public sealed interface TransactionValidity {

  /** @param sender the address recovered from the signature */
  record Valid(Address sender) implements TransactionValidity {}

  /** @param reason the rule broken; @param detail the numbers behind it, for the error message */
  record Invalid(TransactionInvalidReason reason, String detail) implements TransactionValidity {
    public String message() {
      return detail.isEmpty() ? reason.message() : reason.message() + ": " + detail;
    }
  }
}
