package io.luxtensor.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A {@code luxtensor} command run in-process, its output captured through picocli's own writers: nothing global
 * (System.out) is swapped, so test classes can run commands in parallel.
 */
record CommandRun(int exitCode, String out, String err) {
  /** A key, single spaces inside, then at least two spaces of padding, then the value (Terminal.keyValues). */
  private static final Pattern KEY_VALUE = Pattern.compile("^(\\S+(?: \\S+)*) {2,}(.*)$");

  /** Runs without colour, whatever terminal the build runs in. */
  static CommandRun of(String... args) {
    return of(CommandLine.Help.Ansi.OFF, args);
  }

  static CommandRun of(CommandLine.Help.Ansi ansi, String... args) {
    // As Main.main builds it: with only the subcommand the arguments name.
    CommandLine cli = Main.commandLine(Main.subcommandsFor(args));
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exitCode = cli.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }

  /** The leading key/value block of the output (up to the first blank line), in order. */
  Map<String, String> keyValues() {
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : out.lines().takeWhile(l -> !l.isBlank()).toList()) {
      Matcher m = KEY_VALUE.matcher(line);
      if (!m.matches()) {
        throw new AssertionError("not a key/value line: '" + line + "' in\n" + out);
      }
      rows.put(m.group(1), m.group(2));
    }
    return rows;
  }

  /** For assertion messages: everything the command printed. */
  String printed() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
