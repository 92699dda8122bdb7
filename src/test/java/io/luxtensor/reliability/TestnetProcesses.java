package io.luxtensor.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.cli.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A testnet made by {@code luxtensor testnet} in a directory, its nodes run as real processes of this class path:
 * started, killed with SIGKILL, paused with SIGSTOP and resumed, restarted on their data, and asked over JSON-RPC.
 * Closing it kills whatever still runs.
 */
final class TestnetProcesses implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Short: a paused node must not hold a poller up. */
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(2);
  private static final String HEAP = "-Xmx384m";

  private final Path directory;
  private final List<Integer> rpcPorts;
  private final List<Optional<Process>> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(RPC_TIMEOUT).build();

  private TestnetProcesses(Path directory, List<Integer> rpcPorts) {
    this.directory = directory;
    this.rpcPorts = rpcPorts;
    rpcPorts.forEach(port -> processes.add(Optional.empty()));
  }

  /** Generates a testnet of {@code validators} on {@code nodes} nodes in {@code directory}, on free ports. */
  static TestnetProcesses generate(Path directory, int validators, int nodes, long slotMillis) {
    int exit = Main.commandLine().execute("testnet", "--validators", Integer.toString(validators), "--nodes",
        Integer.toString(nodes), "--slot-ms", Long.toString(slotMillis), "--dir", directory.toString(),
        "--base-port", "0");
    if (exit != 0) {
      throw new IllegalStateException("luxtensor testnet exited with " + exit);
    }
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      ports.add(config(directory, i).path("api").path("port").intValue());
    }
    return new TestnetProcesses(directory, ports);
  }

  static JsonNode config(Path directory, int node) {
    try {
      return JSON.readTree(directory.resolve("node" + node).resolve("config.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int size() {
    return rpcPorts.size();
  }

  Path nodeDirectory(int node) {
    return directory.resolve("node" + node);
  }

  /** Starts node {@code node} on its data directory, its output appended to its node.log. */
  void start(int node) {
    if (processes.get(node).filter(Process::isAlive).isPresent()) {
      throw new IllegalStateException("node" + node + " runs already");
    }
    Path home = nodeDirectory(node);
    List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), HEAP, "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "start", "--config",
        home.resolve("config.json").toString());
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("node.log").toFile())).start();
      processes.set(node, Optional.of(process));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node" + node, e);
    }
  }

  void startAll() {
    for (int i = 0; i < size(); i++) {
      start(i);
    }
  }

  /** SIGKILL: the process gets no chance to close anything. */
  void kill(int node) {
    Process process = processes.get(node).orElseThrow();
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void pause(int node) {
    signal(node, "STOP");
  }

  void resume(int node) {
    signal(node, "CONT");
  }

  private void signal(int node, String signal) {
    long pid = processes.get(node).orElseThrow().pid();
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The JSON-RPC result of {@code method} on {@code node}, or empty if it does not answer in time or fails. */
  Optional<JsonNode> rpc(int node, String method, String paramsJson) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rpcPorts.get(node)))
        .timeout(RPC_TIMEOUT).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method
            + "\",\"params\":" + paramsJson + "}")).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode result = JSON.readTree(response.body()).path("result");
      return result.isMissingNode() || result.isNull() ? Optional.empty() : Optional.of(result);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The block {@code tag} ("latest", "finalized" or a hex number) on {@code node}, without transactions. */
  Optional<BlockSeen> block(int node, String tag) {
    return rpc(node, "eth_getBlockByNumber", "[\"" + tag + "\",false]").map(BlockSeen::of);
  }

  String rpcUrl(int node) {
    return "http://127.0.0.1:" + rpcPorts.get(node);
  }

  /** The last lines of {@code node}'s log, for failure messages. */
  String logTail(int node, int lines) {
    try (Stream<String> all = Files.lines(nodeDirectory(node).resolve("node.log"))) {
      List<String> kept = all.toList();
      return String.join("\n", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    processes.forEach(p -> p.ifPresent(process -> {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
  }

  /** A block as RPC shows it: what the invariants compare. */
  record BlockSeen(long number, String hash, String stateRoot, String miner, long timestamp) {
    static BlockSeen of(JsonNode block) {
      return new BlockSeen(Long.decode(block.path("number").asText()), block.path("hash").asText(),
          block.path("stateRoot").asText(), block.path("miner").asText(), Long.decode(block.path("timestamp").asText()));
    }
  }
}
