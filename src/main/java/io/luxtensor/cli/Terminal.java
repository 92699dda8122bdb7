package io.luxtensor.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Output for people: aligned tables, and colour only when writing to a terminal (never into a pipe or a file, and
 * never with NO_COLOR set, per no-color.org).
 */
final class Terminal {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[31m";

  private final PrintWriter out;
  private final boolean colour;

  Terminal(PrintWriter out, boolean colour) {
    this.out = out;
    this.colour = colour;
  }

  /** Standard output, coloured when it is a terminal. */
  static Terminal standard() {
    return new Terminal(new PrintWriter(System.out, true), colourWanted(CommandLine.Help.Ansi.AUTO));
  }

  /** The command line's output (which tests capture with {@code setOut}), coloured when it is a terminal. */
  static Terminal of(CommandLine commandLine) {
    return new Terminal(commandLine.getOut(), colourWanted(commandLine.getColorScheme().ansi()));
  }

  /**
   * Picocli's decision, the one its help and error text follow: NO_COLOR, CLICOLOR and a terminal (picocli asks
   * Console.isTerminal() where Java 22+ gives a System.console() even in a pipe).
   */
  private static boolean colourWanted(CommandLine.Help.Ansi ansi) {
    return ansi.enabled() && !"dumb".equals(System.getenv("TERM"));
  }

  PrintWriter out() {
    return out;
  }

  String bold(String text) {
    return colour ? BOLD + text + RESET : text;
  }

  String ok(String text) {
    return colour ? GREEN + text + RESET : text;
  }

  String bad(String text) {
    return colour ? RED + text + RESET : text;
  }

  /** Two columns, keys padded to the longest. */
  void keyValues(List<String[]> rows) {
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    for (String[] row : rows) {
      out.println(bold(String.format("%-" + width + "s", row[0])) + "  " + row[1]);
    }
  }

  /** A table with a header row; columns padded to their widest cell. */
  void table(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    out.println(bold(line(header, widths)));
    rows.forEach(row -> out.println(line(row, widths)));
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      out.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
    }
    return out.toString().stripTrailing();
  }
}
