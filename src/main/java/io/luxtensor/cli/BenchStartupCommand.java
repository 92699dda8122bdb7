package io.luxtensor.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code luxtensor bench startup}: how long a dev node takes from the launch of its JVM to its first JSON-RPC
 * answer, with and without the JVM's ahead-of-time cache, launched in turn so both see the same machine.
 */
@Command(
    name = "startup",
    mixinStandardHelpOptions = true,
    description = {"Launch dev nodes one after another and time each from the launch of its JVM to its first "
        + "JSON-RPC answer (eth_chainId).",
        "With an AOT cache (--aot-cache, or the one this JVM started with, as ./luxtensor starts it), launches with "
            + "and without it alternate and the ratio is reported."},
    footer = {"", "Examples:",
        "  ./luxtensor bench startup --runs 5",
        "  luxtensor bench startup --aot-cache target/luxtensor.aot --json"})
final class BenchStartupCommand implements Callable<Integer> {
  static final int RUNS_MAX = 100;
  private static final Pattern LISTENING = Pattern.compile("JSON-RPC listening on (http://\\S+)");
  private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(5);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--runs", defaultValue = "5", paramLabel = "N",
      description = "Launches of each kind (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--aot-cache", paramLabel = "FILE",
      description = "The AOT cache to compare with (default: the one this JVM started with, if any).")
  Path aotCache;

  @Option(names = "--json", description = "Print the result as JSON on stdout (the summary goes to stderr).")
  boolean json;

  /** The launches of one kind, in milliseconds. */
  record Series(String name, List<Long> millis) {
    long median() {
      List<Long> sorted = millis.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }

    String describe() {
      return String.format(Locale.ROOT, "%s median %d ms (min %d, max %d, %d launches)", name, median(),
          millis.stream().mapToLong(Long::longValue).min().orElseThrow(),
          millis.stream().mapToLong(Long::longValue).max().orElseThrow(), millis.size());
    }
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (runs < 1 || runs > RUNS_MAX) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be in [1, " + RUNS_MAX + "]");
    }
    Optional<Path> cache = Optional.ofNullable(aotCache).or(AotCacheOption::ofThisJvm);
    if (cache.isPresent() && !Files.isReadable(cache.get())) {
      throw CliException.usage("--aot-cache: cannot read " + cache.get());
    }
    Series plain = new Series("without AOT cache", new ArrayList<>());
    Series cached = new Series("with AOT cache", new ArrayList<>());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    for (int run = 0; run < runs; run++) {
      plain.millis().add(launchMillis(http, List.of()));
      if (cache.isPresent()) {
        cached.millis().add(launchMillis(http, List.of(AotCacheOption.of(cache.get()))));
      }
    }
    String summary = "bench startup (dev node, launch to first JSON-RPC answer): " + plain.describe()
        + (cache.isEmpty() ? "" : "; " + cached.describe() + String.format(Locale.ROOT, "; ratio %.2f",
            (double) cached.median() / plain.median()));
    if (json) {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      result.put("runs", runs);
      result.putPOJO("withoutAotCacheMillis", plain.millis());
      cache.ifPresent(file -> {
        result.put("aotCache", file.toAbsolutePath().toString());
        result.putPOJO("withAotCacheMillis", cached.millis());
      });
      BenchOutput.json(spec, result, summary);
    } else {
      BenchOutput.text(spec, summary);
    }
    return ExitCodes.OK;
  }

  /** Launches a dev node on a free port, times it to its first answer, and stops it. */
  private long launchMillis(HttpClient http, List<String> jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "dev", "--port", "0"));
    long start = System.nanoTime();
    Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      URI url = URI.create(awaitListening(node));
      while (!RpcReadiness.answers(http, url)) {
        if (System.nanoTime() - start > LAUNCH_TIMEOUT.toNanos()) {
          throw new CliException(ExitCodes.FAILED, "the dev node did not answer at " + url + " within "
              + LAUNCH_TIMEOUT.toSeconds() + " s");
        }
        Thread.sleep(POLL_INTERVAL);
      }
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    } finally {
      node.destroy();
      if (!node.waitFor(30, TimeUnit.SECONDS)) {
        node.destroyForcibly().waitFor();
      }
    }
  }

  /** Reads the node's output up to the line that names its JSON-RPC URL; the rest is drained on another thread. */
  private static String awaitListening(Process node) throws IOException {
    BufferedReader output = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      Matcher listening = LISTENING.matcher(line);
      if (listening.find()) {
        Thread.ofVirtual().start(() -> output.lines().forEach(ignored -> { }));
        return listening.group(1);
      }
      seen.add(line);
    }
    throw new CliException(ExitCodes.FAILED, "the dev node exited before it listened: " + String.join("\n", seen));
  }
}
