package io.luxtensor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads a secret named on the command line by where it is, never by its value (a value would stay in the shell's
 * history and show in {@code ps}): a FILE, or {@code -} for standard input, asked without echo on a terminal.
 */
final class SecretSource {
  static final String STANDARD_INPUT = "-";
  /** A 24-word mnemonic is about 215 characters and a hex key 66; no password we expect comes near 4 KiB. */
  static final int SECRET_CHARS_MAX = 4096;
  /** What someone who typed the secret itself instead of a file name would have typed: a hex key or a phrase. */
  private static final Pattern LOOKS_LIKE_A_KEY = Pattern.compile("(0[xX])?[0-9a-fA-F]{32,}");
  private static final Pattern LOOKS_LIKE_A_PHRASE = Pattern.compile("\\s*\\p{L}+(\\s+\\p{L}+){11,}\\s*");

  private SecretSource() {}

  /**
   * The text at {@code source}: the whole file, the whole of standard input when it is piped, or what the person
   * types after {@code prompt} when standard input is a terminal.
   *
   * @param option the option that named the source, for error messages
   */
  static String read(String source, String option, String prompt, UserConsole console) {
    if (source.equals(STANDARD_INPUT)) {
      if (console.isTerminal()) {
        return typed(console, prompt, "pipe the secret in");
      }
      return console.readStandardInput(SECRET_CHARS_MAX);
    }
    if (LOOKS_LIKE_A_KEY.matcher(source).matches() || LOOKS_LIKE_A_PHRASE.matcher(source).matches()) {
      throw CliException.usage(option + " takes the path of a file holding the secret, not the secret itself; "
          + "what you typed is now in your shell history: treat that secret as exposed");
    }
    Path file = Path.of(source);
    try {
      if (Files.size(file) > SECRET_CHARS_MAX) {
        throw new CliException(ExitCodes.FAILED, option + " " + file + " is larger than " + SECRET_CHARS_MAX
            + " bytes: not a secret file");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      // Not naming the path: someone who typed their password where the file name goes would see it echoed.
      throw new CliException(ExitCodes.FAILED, option + ": no such file (it takes the path of a file holding the "
          + "secret)");
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILED, option + ": cannot read " + file + " (" + e.getMessage() + ")", e);
    }
  }

  /**
   * What the person types after {@code prompt} without echo.
   *
   * @param withoutTerminal what to do instead when nobody is at a terminal, e.g. "use --password-file FILE"
   */
  static String typed(UserConsole console, String prompt, String withoutTerminal) {
    if (!console.isTerminal()) {
      throw CliException.usage("no terminal to ask on: " + withoutTerminal);
    }
    char[] chars = console.readSecret(prompt)
        .orElseThrow(() -> new CliException(ExitCodes.FAILED, "cancelled: the input ended"));
    try {
      return new String(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }
}
