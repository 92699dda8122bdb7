package io.luxtensor.cli;

import picocli.CommandLine.Option;

/**
 * Hidden flags that catch the habit of other tools ({@code cast --private-key KEY}, {@code --password PW}): the value
 * is taken so that picocli does not echo it back as an unmatched argument, and the command stops with what to use.
 */
final class SecretFlagGuard {
  @Option(names = "--password", hidden = true, arity = "0..1", fallbackValue = "")
  String password;

  @Option(names = "--private-key", hidden = true, arity = "0..1", fallbackValue = "")
  String privateKey;

  /** @throws CliException if a secret was given as a flag */
  void check() {
    if (password != null) {
      throw refused("--password", "--password-file FILE, or type it when asked");
    }
    if (privateKey != null) {
      throw refused("--private-key", "--private-key-file FILE ('-' to type it unseen)");
    }
  }

  static CliException refused(String flag, String instead) {
    return CliException.usage(flag + " is not an option: a secret on the command line stays in the shell's history "
        + "and shows in ps; use " + instead);
  }
}
