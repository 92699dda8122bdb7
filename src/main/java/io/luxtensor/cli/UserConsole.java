package io.luxtensor.cli;

import java.util.Optional;

/**
 * The person at the keyboard, if there is one: where wallet commands ask for passwords, secrets and confirmations.
 * Secrets are read without echo; without a terminal there is nobody to ask, and commands say which file option to use.
 */
interface UserConsole {

  /** Whether a person is at a terminal (spinners and prompts make sense). */
  boolean isTerminal();

  /** A secret typed after {@code prompt} without echo; empty when there is no terminal. */
  Optional<char[]> readSecret(String prompt);

  /** A line typed after {@code prompt}; empty when there is no terminal or the input ended. */
  Optional<String> readLine(String prompt);

  /**
   * Standard input up to its end, for secrets piped in ({@code --password-file -}); at most {@code charsMax}
   * characters.
   *
   * @throws CliException if there are more
   */
  String readStandardInput(int charsMax);
}
