package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.node.LuxtensorNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code luxtensor dev --gas-limit}: a new chain's blocks take it, and values out of range are usage errors. */
class DevGasLimitTest {

  @Test
  void theChainsBlocksTakeTheGasLimitGiven() {
    DevCommand options = new DevCommand();
    new CommandLine(options).parseArgs("--gas-limit", "60000000", "--port", "0");
    ByteArrayOutputStream banner = new ByteArrayOutputStream();
    try (LuxtensorNode node = DevCommand.start(options, new PrintStream(banner, true, StandardCharsets.UTF_8))) {
      assertEquals(60_000_000, node.chain().head().latest().gasLimit());
      assertTrue(banner.toString(StandardCharsets.UTF_8).contains("Block gas limit: 60000000"), banner.toString());
    }
  }

  @Test
  void withoutTheOptionBlocksHoldThirtyMillionGas() {
    DevCommand options = new DevCommand();
    new CommandLine(options).parseArgs("--port", "0");
    try (LuxtensorNode node = DevCommand.start(options, new PrintStream(PrintStream.nullOutputStream()))) {
      assertEquals(30_000_000, node.chain().head().latest().gasLimit());
    }
  }

  @Test
  void aGasLimitOutOfRangeIsAUsageErrorNamingTheRange() {
    for (String value : new String[] {"20999", "1000000001", "-1"}) {
      CommandLine cli = Main.commandLine();
      StringWriter err = new StringWriter();
      cli.setErr(new PrintWriter(err));
      cli.setOut(new PrintWriter(new StringWriter()));
      assertEquals(ExitCodes.USAGE, cli.execute("dev", "--port", "0", "--gas-limit", value), value);
      assertTrue(err.toString().contains("--gas-limit must be in [21000, 1000000000], got " + value), err.toString());
    }
  }
}
