package io.luxtensor.cli;

import io.luxtensor.types.Wei;

/** An amount of LUX given on the command line ({@code --value 1.5}, {@code --stake 32}): exact, or a usage error. */
final class LuxArgument {
  private LuxArgument() {}

  static Wei parse(String flag, String lux) {
    try {
      return Wei.ofLux(lux);
    } catch (ArithmeticException | NumberFormatException e) {
      throw CliException.usage(flag + ": " + (e.getMessage().startsWith("wei amount out of range")
          ? "must be a positive amount of LUX below 2^256 wei" : e.getMessage()));
    }
  }
}
