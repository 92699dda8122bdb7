package io.luxtensor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --json} option of the query commands and where they print: the command line's own writer (so tests
 * running commands in parallel capture each one's output), as a table for people or as JSON for scripts.
 */
final class QueryOutput {
  /** Laid out as jq prints it: two-space indent, one array element a line, {@code "key": value}. */
  private static final ObjectWriter PRETTY = new ObjectMapper().writer(new DefaultPrettyPrinter()
      .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE)
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  @Option(names = "--json", description = "Print JSON for scripts instead of a table (see docs/cli-query.md).")
  boolean json;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  Terminal terminal() {
    return Terminal.of(spec.commandLine());
  }

  void printJson(JsonNode value) {
    PrintWriter out = spec.commandLine().getOut();
    try {
      out.println(PRETTY.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JsonNode always serializes", e);
    }
    out.flush();
  }
}
