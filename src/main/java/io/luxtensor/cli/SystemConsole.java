package io.luxtensor.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.Optional;

/** {@link UserConsole} over {@link System#console()}, used only when standard input and output are a terminal. */
final class SystemConsole implements UserConsole {
  /**
   * {@code Console.isTerminal()}, present from Java 22: from 22 to 24 {@code System.console()} is not null even when
   * the streams are redirected, and only this method tells. Looked up reflectively because we compile for Java 21,
   * where a non-null console always means a terminal.
   */
  private static final Optional<Method> IS_TERMINAL = isTerminalMethod();

  /** The console if a person is at a terminal, else empty. */
  static Optional<Console> terminal() {
    Console console = System.console();
    if (console == null || IS_TERMINAL.isEmpty()) {
      return Optional.ofNullable(console);
    }
    try {
      return Boolean.TRUE.equals(IS_TERMINAL.get().invoke(console)) ? Optional.of(console) : Optional.empty();
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Console.isTerminal() failed", e);
    }
  }

  @Override
  public boolean isTerminal() {
    return terminal().isPresent();
  }

  @Override
  public Optional<char[]> readSecret(String prompt) {
    return terminal().map(console -> console.readPassword("%s", prompt));
  }

  @Override
  public Optional<String> readLine(String prompt) {
    return terminal().map(console -> console.readLine("%s", prompt));
  }

  @Override
  public String readStandardInput(int charsMax) {
    Reader in = new InputStreamReader(System.in, Charset.defaultCharset());
    char[] buffer = new char[charsMax + 1];
    int length = 0;
    try {
      for (int read; length < buffer.length && (read = in.read(buffer, length, buffer.length - length)) >= 0; ) {
        length += read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
    }
    if (length > charsMax) {
      throw new CliException(ExitCodes.FAILED, "standard input is longer than " + charsMax + " characters");
    }
    return new String(buffer, 0, length);
  }

  private static Optional<Method> isTerminalMethod() {
    try {
      return Optional.of(Console.class.getMethod("isTerminal"));
    } catch (NoSuchMethodException javaBefore22) {
      return Optional.empty();
    }
  }
}
