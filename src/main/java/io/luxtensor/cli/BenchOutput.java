package io.luxtensor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * How every benchmark prints its result: with {@code --json}, the JSON alone on stdout (for a script) and the
 * one-line summary on stderr (for the person); otherwise text on stdout, ending with the summary.
 */
final class BenchOutput {
  private BenchOutput() {}

  static void json(CommandLine.Model.CommandSpec spec, ObjectNode result, String summary) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(result);
    out.flush();
    spec.commandLine().getErr().println(summary);
    spec.commandLine().getErr().flush();
  }

  static void text(CommandLine.Model.CommandSpec spec, String text) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(text);
    out.flush();
  }
}
