package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.node.LuxtensorNode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code luxtensor dev --state-history}: every state is kept unless told otherwise (as Hardhat and anvil keep them),
 * in memory a history keeps the latest blocks' states only, and a --datadir keeps every state (a history there is a
 * usage error).
 */
class DevStateHistoryTest {
  @TempDir
  Path directory;

  @Test
  void everyStateIsKeptUnlessAHistoryIsAskedFor() {
    assertEquals(OptionalInt.empty(), historyOf("--port", "0"));
    assertEquals(OptionalInt.of(128), historyOf("--port", "0", "--state-history", "128"));
    assertEquals(OptionalInt.empty(), historyOf("--port", "0", "--state-history", "0"));
  }

  @Test
  void aDatadirKeepsEveryState() {
    assertEquals(OptionalInt.empty(), historyOf("--port", "0", "--datadir", directory.toString()));
  }

  @Test
  void aNegativeHistoryOrOneWithADatadirIsAUsageError() {
    assertUsageError("--state-history must be 0 (every state) or a number of blocks, got -1",
        "--state-history", "-1");
    assertUsageError("--state-history applies to the in-memory chain: a --datadir keeps every state",
        "--state-history", "64", "--datadir", directory.toString());
  }

  private static OptionalInt historyOf(String... arguments) {
    DevCommand options = new DevCommand();
    new CommandLine(options).parseArgs(arguments);
    try (LuxtensorNode node = DevCommand.start(options, new PrintStream(PrintStream.nullOutputStream()))) {
      return node.chain().stateHistory();
    }
  }

  private static void assertUsageError(String message, String... options) {
    CommandLine cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    String[] arguments = new String[options.length + 3];
    arguments[0] = "dev";
    arguments[1] = "--port";
    arguments[2] = "0";
    System.arraycopy(options, 0, arguments, 3, options.length);
    assertEquals(ExitCodes.USAGE, cli.execute(arguments));
    assertTrue(err.toString().contains(message), err.toString());
  }
}
