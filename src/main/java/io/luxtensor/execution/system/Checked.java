package io.luxtensor.execution.system;

import java.util.Optional;

/** A value a contract checked its input for, or what is wrong with that input (the revert reason). */
record Checked<T>(T value, Optional<String> problem) {
  static <T> Checked<T> of(T value) {
    return new Checked<>(value, Optional.empty());
  }

  static <T> Checked<T> refused(String problem) {
    return new Checked<>(null, Optional.of(problem));
  }
}
