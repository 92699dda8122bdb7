package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every query subcommand shares without a node: exit code 3 and one line when the node is unreachable, exit 2
 * for malformed arguments before any request (so even with no node), and help with examples.
 */
class QueryCommandLineTest {
  private static final String HASH = "0x" + "12".repeat(32);
  private static final String ADDRESS = "0x000000000000000000000000000000000000beef";
  private static final List<List<String>> EVERY_QUERY = List.of(List.of("block"), List.of("block", "7"),
      List.of("tx", HASH), List.of("receipt", HASH), List.of("account", ADDRESS), List.of("validators"),
      List.of("head"));
  private static String closedUrl;

  /** A port nothing listens on: bound to find a free one, then closed. */
  @BeforeAll
  static void findAClosedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedUrl = "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  @Test
  void anUnreachableNodeIsExitCode3WithOneLineSayingWhere() {
    for (List<String> query : EVERY_QUERY) {
      for (List<String> format : List.of(List.<String>of(), List.of("--json"))) {
        List<String> args = args(query, format, "--rpc", closedUrl);
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertEquals(ExitCodes.UNREACHABLE, run.exitCode(), args + ": " + run.printed());
        assertTrue(run.err().startsWith("error: cannot reach the node at " + closedUrl + " ("), run.printed());
        assertTrue(run.err().contains("is it running?"), run.printed());
        assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
        assertEquals("", run.out());
      }
    }
  }

  @Test
  void verboseAddsTheStackTrace() {
    CommandRun run = CommandRun.of("query", "head", "--rpc", closedUrl, "--verbose");
    assertEquals(ExitCodes.UNREACHABLE, run.exitCode());
    assertTrue(run.err().lines().count() > 1, run.printed());
    assertTrue(run.err().contains("at io.luxtensor.cli.NodeClient"), run.printed());
  }

  @Test
  void malformedArgumentsAreExitCode2BeforeAnyRequest() {
    List<List<String>> malformed = List.of(List.of("block", "twelve"), List.of("tx", "0x12"),
        List.of("receipt", "12" + HASH.substring(2)), List.of("account", "0xbeef"),
        List.of("account", ADDRESS, "--block", "-3"));
    for (List<String> query : malformed) {
      CommandRun run = CommandRun.of(args(query, List.of(), "--rpc", closedUrl).toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, run.exitCode(), query + " is checked before the (unreachable) node: "
          + run.printed());
      assertTrue(run.err().startsWith("error: not a"), run.printed());
      assertEquals(1, run.err().lines().count(), run.err());
    }
    CommandRun missing = CommandRun.of("query", "tx", "--rpc", closedUrl);
    assertEquals(ExitCodes.USAGE, missing.exitCode(), missing.printed());
    assertTrue(missing.err().startsWith("Missing required parameter: 'HASH'"), missing.printed());
    CommandRun notAUrl = CommandRun.of("query", "head", "--rpc", "127.0.0.1:8545");
    assertEquals(ExitCodes.USAGE, notAUrl.exitCode(), notAUrl.printed());
    CommandRun noQuery = CommandRun.of("query");
    assertEquals(ExitCodes.USAGE, noQuery.exitCode(), noQuery.printed());
    assertTrue(noQuery.err().startsWith("missing a query: block, tx, receipt, account, validators or head"),
        noQuery.printed());
  }

  @Test
  void everySubcommandHasHelpWithExamplesAndTheSharedFlags() {
    for (String command : List.of("block", "tx", "receipt", "account", "validators", "head")) {
      CommandRun help = CommandRun.of("query", command, "--help");
      assertEquals(ExitCodes.OK, help.exitCode(), help.printed());
      assertTrue(help.out().contains("Examples:\n  luxtensor query " + command), help.out());
      assertTrue(help.out().contains("Exit codes: 0 "), help.out());
      for (String flag : List.of("--rpc=URL", "--json", "--verbose")) {
        assertTrue(help.out().contains(flag), command + " has " + flag);
      }
      assertEquals(!command.equals("head"), help.out().contains("--wei"), command + ": --wei where amounts are shown");
    }
    CommandRun group = CommandRun.of("query", "--help");
    assertEquals(ExitCodes.OK, group.exitCode());
    assertTrue(group.out().contains("Examples:"), group.out());
    assertTrue(CommandRun.of("--help").out().contains("query"), "listed by luxtensor --help");
  }

  private static List<String> args(List<String> query, List<String> options, String... more) {
    List<String> args = new ArrayList<>();
    args.add("query");
    args.addAll(query);
    args.addAll(options);
    args.addAll(List.of(more));
    return args;
  }
}
