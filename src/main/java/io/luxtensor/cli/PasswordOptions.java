package io.luxtensor.cli;

import picocli.CommandLine.Option;

/**
 * Where a wallet command gets a keystore password: asked without echo on the terminal (twice for a new key), or the
 * first line of {@code --password-file}. Never a flag value, never printed.
 */
final class PasswordOptions {
  static final String NO_TERMINAL_HINT = "pass --password-file FILE (the password is its first line)";

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "Read the password from the first line of FILE ('-': standard input) instead of asking on the "
          + "terminal.")
  String passwordFile;

  /** The password that opens the key {@code whose} (a name or an address). */
  String existing(String whose, UserConsole console) {
    if (passwordFile == null) {
      return SecretSource.typed(console, "Password for " + whose + ": ", NO_TERMINAL_HINT);
    }
    return firstLine(SecretSource.read(passwordFile, "--password-file", "Password for " + whose + ": ", console));
  }

  /** A password for a new key: typed twice, or from the file; never empty. */
  String chosen(UserConsole console) {
    String password;
    if (passwordFile == null || (readsStandardInput() && console.isTerminal())) {
      password = SecretSource.typed(console, "Password for the new key: ", NO_TERMINAL_HINT);
      if (!password.isEmpty() && !password.equals(SecretSource.typed(console, "Repeat it: ", NO_TERMINAL_HINT))) {
        throw new CliException(ExitCodes.FAILED, "the passwords do not match");
      }
    } else {
      password = firstLine(SecretSource.read(passwordFile, "--password-file", "Password for the new key: ", console));
    }
    if (password.isEmpty()) {
      throw new CliException(ExitCodes.FAILED, "the password is empty: a keystore file is only as safe as its password");
    }
    return password;
  }

  boolean readsStandardInput() {
    return SecretSource.STANDARD_INPUT.equals(passwordFile);
  }

  /** Geth's rule for password files: the first line, without its line ending. */
  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
