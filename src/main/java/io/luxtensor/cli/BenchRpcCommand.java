package io.luxtensor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code luxtensor bench rpc}: drives read methods at a fixed rate against a node and reports throughput and
 * latency percentiles per method, measured from each request's intended send time (see {@link RpcLoad}).
 */
@Command(
    name = "rpc",
    mixinStandardHelpOptions = true,
    description = {"Drive JSON-RPC reads at a fixed rate and report throughput and p50/p99/p999 latency per method.",
        "Latency runs from each request's intended send time, so a stalled node is never hidden "
            + "(no coordinated omission)."},
    footer = {"", "Examples:",
        "  luxtensor bench rpc --rate 2000 --duration 30",
        "  luxtensor bench rpc --rpc http://127.0.0.1:8545 --methods eth_call \\", "      --rate 500 --json"})
final class BenchRpcCommand implements Callable<Integer> {
  /** The pacing thread sends one request per 10 µs at most; beyond, the generator would be measured, not the node. */
  static final int RATE_PER_SECOND_MAX = 100_000;
  /** An hour of load is a soak test; longer is a mistake. */
  static final long DURATION_SECONDS_MAX = 3_600;
  /** Far above the node's default connection limit (80). */
  static final int CONNECTIONS_MAX = 1_024;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--rpc", defaultValue = "http://127.0.0.1:8545", paramLabel = "URL",
      description = "The node's JSON-RPC URL (default: ${DEFAULT-VALUE}).")
  URI url;

  @Option(names = "--rate", defaultValue = "1000", paramLabel = "R",
      description = "Requests per second, all methods together (default: ${DEFAULT-VALUE}).")
  int ratePerSecond;

  @Option(names = "--duration", defaultValue = "10", paramLabel = "S",
      description = "Seconds measured (default: ${DEFAULT-VALUE}).")
  long durationSeconds;

  @Option(names = "--warmup", defaultValue = "2", paramLabel = "S",
      description = {"Seconds at the rate before measuring: JIT and connections (default: ${DEFAULT-VALUE}).",
          "The measured seconds start once the warm-up's requests are answered: its backlog is reported, "
              + "not counted."})
  long warmupSeconds;

  @Option(names = "--methods", split = ",", paramLabel = "METHOD",
      defaultValue = "eth_blockNumber,eth_getBalance,eth_getBlockByNumber,eth_call",
      description = "Methods sent in turn (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--connections", defaultValue = "4", paramLabel = "C",
      description = "Keep-alive connections (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--json", description = "Print the result as JSON on stdout (the summary goes to stderr).")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    RpcLoad.Settings settings = settings();
    String what = "bench rpc: " + settings.warmup().toSeconds() + " s warm-up + " + settings.duration().toSeconds()
        + " s measured";
    RpcLoad.Outcome outcome = BenchProgress.during(spec, what, new RpcLoad(settings)::run);
    String summary = summary(settings, outcome);
    if (json) {
      BenchOutput.json(spec, json(settings, outcome), summary);
    } else {
      BenchOutput.text(spec, table(outcome.calls()) + System.lineSeparator() + summary);
    }
    return outcome.calls().stream().allMatch(r -> r.errors() == 0) ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private RpcLoad.Settings settings() {
    check(ratePerSecond >= 1 && ratePerSecond <= RATE_PER_SECOND_MAX,
        "--rate must be in [1, " + RATE_PER_SECOND_MAX + "]");
    check(durationSeconds >= 1 && durationSeconds <= DURATION_SECONDS_MAX,
        "--duration must be in [1, " + DURATION_SECONDS_MAX + "] seconds");
    check(warmupSeconds >= 0 && warmupSeconds <= DURATION_SECONDS_MAX,
        "--warmup must be in [0, " + DURATION_SECONDS_MAX + "] seconds");
    check(connections >= 1 && connections <= CONNECTIONS_MAX, "--connections must be in [1, " + CONNECTIONS_MAX + "]");
    check(url.getScheme() != null && url.getScheme().startsWith("http") && url.getHost() != null,
        "--rpc must be an http:// or https:// URL");
    List<RpcBenchCall> calls = new ArrayList<>();
    for (String method : methods) {
      calls.add(RpcBenchCall.named(method.strip()).orElseThrow(() -> new CommandLine.ParameterException(
          spec.commandLine(), "--methods: unknown method " + method + " (known: "
              + String.join(", ", RpcBenchCall.KNOWN.keySet()) + ")")));
    }
    return new RpcLoad.Settings(url, ratePerSecond, Duration.ofSeconds(warmupSeconds),
        Duration.ofSeconds(durationSeconds), calls, connections);
  }

  private void check(boolean condition, String message) {
    BenchCommand.check(spec, condition, message);
  }

  static String summary(RpcLoad.Settings settings, RpcLoad.Outcome outcome) {
    List<RpcBenchStats> results = outcome.calls();
    Histogram all = RpcBenchStats.merged(results);
    long requests = results.stream().mapToLong(RpcBenchStats::requests).sum();
    long errors = results.stream().mapToLong(RpcBenchStats::errors).sum();
    return String.format(Locale.ROOT, "bench rpc: %d req/s for %d s over %d connections: %d requests, %d errors, "
            + "%.1f req/s; latency p50 %.3f ms, p99 %.3f ms, p999 %.3f ms, max %.3f ms; warm-up backlog %d ms",
        settings.ratePerSecond(), settings.duration().toSeconds(), settings.connections(), requests, errors,
        throughput(results), RpcBenchStats.toMillis(all.getValueAtPercentile(50)),
        RpcBenchStats.toMillis(all.getValueAtPercentile(99)), RpcBenchStats.toMillis(all.getValueAtPercentile(99.9)),
        RpcBenchStats.toMillis(all.getMaxValue()), outcome.warmupBacklog().toMillis());
  }

  static ObjectNode json(RpcLoad.Settings settings, RpcLoad.Outcome outcome) {
    List<RpcBenchStats> results = outcome.calls();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("url", settings.url().toString());
    out.put("rate", settings.ratePerSecond());
    out.put("durationSeconds", settings.duration().toSeconds());
    out.put("warmupSeconds", settings.warmup().toSeconds());
    out.put("warmupBacklogMs", outcome.warmupBacklog().toMillis());
    out.put("connections", settings.connections());
    out.put("requests", results.stream().mapToLong(RpcBenchStats::requests).sum());
    out.put("errors", results.stream().mapToLong(RpcBenchStats::errors).sum());
    out.put("throughput", RpcBenchStats.round(throughput(results)));
    out.set("latencyMs", RpcBenchStats.latencyJson(RpcBenchStats.merged(results)));
    ArrayNode perMethod = out.putArray("methods");
    results.forEach(r -> perMethod.add(r.json()));
    return out;
  }

  private static String table(List<RpcBenchStats> results) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s %9s %7s %10s %9s %9s %9s %9s%n",
        "method", "requests", "errors", "req/s", "p50 ms", "p99 ms", "p999 ms", "max ms"));
    for (RpcBenchStats r : results) {
      out.append(String.format(Locale.ROOT, "%-22s %9d %7d %10.1f %9.3f %9.3f %9.3f %9.3f%n", r.method(),
          r.requests(), r.errors(), r.throughput(), r.latencyMillis(50), r.latencyMillis(99),
          r.latencyMillis(99.9), r.maxLatencyMillis()));
      if (r.firstError() != null) {
        out.append("  first error: ").append(r.firstError()).append(System.lineSeparator());
      }
    }
    return out.toString().stripTrailing();
  }

  /** Answers per second of all methods, from the measurement start to the last answer of any. */
  private static double throughput(List<RpcBenchStats> results) {
    return results.stream().mapToDouble(RpcBenchStats::throughput).sum();
  }
}
