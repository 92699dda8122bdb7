package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.TestNodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code luxtensor bench rpc} run in-process against a real dev node. */
class BenchRpcCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aShortRunPrintsAParseableResultWithThroughputForEveryMethod() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode()) {
      Run run = run("bench", "rpc", "--rpc", "http://127.0.0.1:" + node.rpcPort(), "--rate", "200", "--duration",
          "1", "--warmup", "0", "--connections", "2", "--json");
      assertEquals(ExitCodes.OK, run.exitCode(), run.err());
      JsonNode result = JSON.readTree(run.out());
      assertEquals(200, result.get("rate").asInt());
      assertEquals(200, result.get("requests").asLong(), "one second at 200 requests per second");
      assertEquals(0, result.get("errors").asLong(), result.toString());
      assertTrue(result.get("throughput").asDouble() > 0);
      assertTrue(result.get("latencyMs").get("p50").asDouble() > 0);
      assertTrue(result.get("latencyMs").get("p999").asDouble() >= result.get("latencyMs").get("p99").asDouble());
      List<String> methods = new java.util.ArrayList<>();
      result.get("methods").forEach(m -> methods.add(m.get("method").asText()));
      assertEquals(List.of("eth_blockNumber", "eth_getBalance", "eth_getBlockByNumber", "eth_call"), methods);
      for (JsonNode method : result.get("methods")) {
        assertEquals(50, method.get("requests").asLong(), method.toString());
        assertTrue(method.get("throughput").asDouble() > 0, method.toString());
        assertTrue(method.get("latencyMs").get("p99").asDouble() > 0, method.toString());
      }
      assertTrue(run.err().startsWith("bench rpc: 200 req/s for 1 s over 2 connections: 200 requests, 0 errors"),
          run.err());
      assertEquals(0, result.get("warmupBacklogMs").asLong(), "no warm-up, no backlog");
    }
  }

  @Test
  void withoutJsonItPrintsATableAndTheSummary() {
    try (LuxtensorNode node = TestNodes.devNode()) {
      Run run = run("bench", "rpc", "--rpc", "http://127.0.0.1:" + node.rpcPort(), "--rate", "50", "--duration",
          "1", "--warmup", "0", "--methods", "eth_blockNumber");
      assertEquals(ExitCodes.OK, run.exitCode(), run.err());
      List<String> lines = run.out().lines().toList();
      assertTrue(lines.get(0).startsWith("method"), run.out());
      assertTrue(lines.get(1).startsWith("eth_blockNumber"), run.out());
      assertTrue(lines.get(2).startsWith("bench rpc: 50 req/s for 1 s over 4 connections: 50 requests, 0 errors"),
          run.out());
    }
  }

  @Test
  void aLongRunShowsItIsAliveOnStderrAndKeepsStdoutForTheResult() {
    try (LuxtensorNode node = TestNodes.devNode()) {
      Run run = run("bench", "rpc", "--rpc", "http://127.0.0.1:" + node.rpcPort(), "--rate", "20", "--duration",
          "6", "--warmup", "0", "--methods", "eth_blockNumber", "--json");
      assertEquals(ExitCodes.OK, run.exitCode(), run.err());
      assertTrue(run.err().contains("bench rpc: 0 s warm-up + 6 s measured (5 s)"), run.err());
      assertTrue(run.out().strip().startsWith("{"), "stdout is the JSON alone: " + run.out());
    }
  }

  /**
   * A node that answers nothing for its first 3 s, as a cold JVM may fall behind, with a 1 s warm-up on one
   * connection: the warm-up's requests wait ~2 s past its end. Were the measured window to start on the warm-up's
   * clock, its first second of requests would queue behind them and measure ~1-2 s each.
   */
  @Test
  void theMeasuredWindowStartsOnceTheWarmUpIsAnsweredAndReportsItsBacklog() throws Exception {
    long stallMillis = 3_000;
    AtomicLong firstRequestNanos = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      firstRequestNanos.compareAndSet(0, System.nanoTime());
      RpcLoad.waitUntil(firstRequestNanos.get() + TimeUnit.MILLISECONDS.toNanos(stallMillis));
      byte[] answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    try {
      Run run = run("bench", "rpc", "--rpc", "http://127.0.0.1:" + server.getAddress().getPort(), "--rate", "20",
          "--duration", "1", "--warmup", "1", "--connections", "1", "--methods", "eth_blockNumber", "--json");
      assertEquals(ExitCodes.OK, run.exitCode(), run.err());
      JsonNode result = JSON.readTree(run.out());
      assertEquals(20, result.get("requests").asLong(), result.toString());
      assertTrue(result.get("warmupBacklogMs").asLong() >= 1_000,
          "the warm-up's answers came ~2 s after it: " + result);
      assertTrue(result.get("latencyMs").get("max").asDouble() < 1_000,
          "no measured request waited for the stall: " + result);
      assertTrue(run.err().contains("; warm-up backlog "), run.err());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anUnreachableNodeIsReportedAsErrors() {
    Run run = run("bench", "rpc", "--rpc", "http://127.0.0.1:1", "--rate", "20", "--duration", "1", "--warmup", "0",
        "--json");
    assertEquals(ExitCodes.FAILED, run.exitCode());
    assertTrue(run.out().contains("\"errors\":20"), run.out());
  }

  @Test
  void unknownMethodsAndBadRatesAreUsageErrors() {
    Run unknown = run("bench", "rpc", "--methods", "eth_sendTransaction");
    assertEquals(ExitCodes.USAGE, unknown.exitCode());
    assertTrue(unknown.err().contains("unknown method eth_sendTransaction (known: eth_blockNumber, eth_getBalance, "
        + "eth_getBlockByNumber, eth_call)"), unknown.err());
    assertEquals(ExitCodes.USAGE, run("bench", "rpc", "--rate", "0").exitCode());
    Run help = run("bench", "rpc", "--help");
    assertEquals(ExitCodes.OK, help.exitCode());
    assertTrue(help.out().contains("--connections=C"), help.out());
    assertEquals(ExitCodes.USAGE, run("bench", "rpc", "--connections", "0").exitCode());
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exitCode = cli.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }
}
