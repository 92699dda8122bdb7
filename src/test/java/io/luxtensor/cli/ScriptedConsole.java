package io.luxtensor.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A person at a terminal typing the given answers in order, or no terminal and optionally something piped in. */
final class ScriptedConsole implements UserConsole {
  private final boolean terminal;
  private final Deque<String> answers;
  private final String standardInput;
  private final List<String> prompts = new ArrayList<>();

  private ScriptedConsole(boolean terminal, List<String> answers, String standardInput) {
    this.terminal = terminal;
    this.answers = new ArrayDeque<>(answers);
    this.standardInput = standardInput;
  }

  /** A script, a CI job: nobody to ask, and nothing on standard input. */
  static ScriptedConsole noTerminal() {
    return new ScriptedConsole(false, List.of(), "");
  }

  /** No terminal, and {@code text} piped into standard input. */
  static ScriptedConsole piped(String text) {
    return new ScriptedConsole(false, List.of(), text);
  }

  /** A person who types {@code answers}, one per prompt, then ends the input. */
  static ScriptedConsole typing(String... answers) {
    return new ScriptedConsole(true, List.of(answers), "");
  }

  /** The prompts shown, in order. */
  List<String> prompts() {
    return List.copyOf(prompts);
  }

  @Override
  public boolean isTerminal() {
    return terminal;
  }

  @Override
  public Optional<char[]> readSecret(String prompt) {
    return readLine(prompt).map(String::toCharArray);
  }

  @Override
  public Optional<String> readLine(String prompt) {
    if (!terminal) {
      return Optional.empty();
    }
    prompts.add(prompt);
    return Optional.ofNullable(answers.poll());
  }

  @Override
  public String readStandardInput(int charsMax) {
    if (standardInput.length() > charsMax) {
      throw new CliException(ExitCodes.FAILED, "standard input is longer than " + charsMax + " characters");
    }
    return standardInput;
  }
}
