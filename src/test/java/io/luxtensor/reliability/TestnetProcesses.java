package io.luxtensor.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.cli.Main;
import io.luxtensor.node.validators.ValidatorKeyStore;
import io.luxtensor.p2p.transport.NodeAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A testnet made by {@code luxtensor testnet} in a directory, its nodes run as real processes ({@link NodeLaunch}):
 * started, killed with SIGKILL, paused with SIGSTOP and resumed, restarted on their data, and asked over JSON-RPC.
 * Closing it kills whatever still runs.
 */
final class TestnetProcesses implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How a node's log line starts (Main.LOG_FORMAT). */
  private static final String LOG_TIME_PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";
  private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern(LOG_TIME_PATTERN);
  /** Short: a paused node must not hold a poller up. */
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(2);

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
    // Before the genesis is made: a first call records the AOT cache, which takes a while.
    NodeLaunch.get();
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

  /**
   * Puts a {@link LinkProxy} on every pair of nodes: node i dials node j (i &lt; j) only through the pair's proxy,
   * with peer exchange off so that no node learns a way around it. Call before the nodes start.
   */
  Links linkThroughProxies(long seed) {
    List<NodeAddress> addresses = new ArrayList<>();
    for (int j = 0; j < size(); j++) {
      int port = config(directory, j).path("p2p").path("port").intValue();
      JsonNode known = config(directory, j == 0 ? 1 : 0).path("p2p").path("bootnodes");
      NodeAddress found = null;
      for (JsonNode text : known) {
        NodeAddress address = NodeAddress.parse(text.asText());
        if (address.port() == port) {
          found = address;
        }
      }
      addresses.add(java.util.Objects.requireNonNull(found, "node" + j + "'s address"));
    }
    Links links = new Links(size());
    for (int i = 0; i < size(); i++) {
      ObjectNode config = (ObjectNode) config(directory, i);
      ObjectNode p2p = (ObjectNode) config.path("p2p");
      p2p.put("discovery", false);
      ArrayNode bootnodes = p2p.putArray("bootnodes");
      for (int j = i + 1; j < size(); j++) {
        LinkProxy proxy = new LinkProxy(addresses.get(j).port(), seed * 1_000 + i * 100 + j);
        links.put(i, j, proxy);
        bootnodes.add(new NodeAddress(addresses.get(j).key(), "127.0.0.1", proxy.port()).toString());
      }
      try {
        JSON.writerWithDefaultPrettyPrinter().writeValue(nodeDirectory(i).resolve("config.json").toFile(), config);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return links;
  }

  /** The proxies between pairs of nodes: cut, healed and degraded by pair, by node, or by groups. */
  static final class Links implements AutoCloseable {
    private final LinkProxy[][] proxies;

    private Links(int nodes) {
      proxies = new LinkProxy[nodes][nodes];
    }

    private void put(int i, int j, LinkProxy proxy) {
      proxies[i][j] = proxy;
      proxies[j][i] = proxy;
    }

    LinkProxy between(int i, int j) {
      return proxies[i][j];
    }

    /** Cuts every link of {@code node}: it is alone. */
    void isolate(int node) {
      for (int other = 0; other < proxies.length; other++) {
        if (other != node) {
          proxies[node][other].cut();
        }
      }
    }

    /** Cuts every link between a node of {@code side} and one outside it. */
    void split(List<Integer> side) {
      for (int i : side) {
        for (int j = 0; j < proxies.length; j++) {
          if (!side.contains(j)) {
            proxies[i][j].cut();
          }
        }
      }
    }

    void healAll() {
      each(LinkProxy::heal);
    }

    /** Delays everything every link of {@code node} carries by {@code delayMillis}, both ways; 0 ends it. */
    void delay(int node, long delayMillis) {
      for (int other = 0; other < proxies.length; other++) {
        if (other != node) {
          proxies[node][other].degrade(delayMillis, 0, 0);
        }
      }
    }

    void degradeAll(long delayMillis, long jitterMillis, int lossPercent) {
      each(proxy -> proxy.degrade(delayMillis, jitterMillis, lossPercent));
    }

    private void each(java.util.function.Consumer<LinkProxy> action) {
      for (int i = 0; i < proxies.length; i++) {
        for (int j = i + 1; j < proxies.length; j++) {
          action.accept(proxies[i][j]);
        }
      }
    }

    @Override
    public void close() {
      each(LinkProxy::close);
    }
  }

  /**
   * Gives node {@code twin} copies of node {@code original}'s validator keys, with no slashing-protection record:
   * the operator's mistake of running one key on two machines. Returns the copied keys' addresses.
   */
  List<String> copyValidatorKeys(int original, int twin) {
    Path from = nodeDirectory(original).resolve(ValidatorKeyStore.DIRECTORY_NAME);
    Path to = nodeDirectory(twin).resolve(ValidatorKeyStore.DIRECTORY_NAME);
    List<String> addresses = new ArrayList<>();
    try (Stream<Path> files = Files.list(from)) {
      Files.createDirectories(to);
      for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
          addresses.add(name.substring(0, name.length() - ".json".length()).toLowerCase(java.util.Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return addresses;
  }

  /** Shifts node {@code node}'s clock by {@code millis} from its next start ({@code testing.clockOffsetMillis}). */
  void setClockOffset(int node, long millis) {
    ObjectNode config = (ObjectNode) config(directory, node);
    config.putObject("testing").put("clockOffsetMillis", millis);
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(nodeDirectory(node).resolve("config.json").toFile(), config);
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
    List<String> command = NodeLaunch.get().command("start", "--config", home.resolve("config.json").toString());
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
    return post(node, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}")
        .map(answer -> answer.path("result")).filter(result -> !result.isMissingNode() && !result.isNull());
  }

  /** The answers to a JSON-RPC batch ({@code batchJson}, an array of requests) on {@code node}, if it answered. */
  Optional<JsonNode> rpcBatch(int node, String batchJson) {
    return post(node, batchJson).filter(JsonNode::isArray);
  }

  private Optional<JsonNode> post(int node, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rpcPorts.get(node)))
        .timeout(RPC_TIMEOUT).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      return Optional.of(JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body()));
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

  /** Every node's latest and finalized block numbers, for failure messages. */
  String heads() {
    StringBuilder out = new StringBuilder();
    for (int node = 0; node < size(); node++) {
      out.append("node").append(node).append(": latest ")
          .append(block(node, "latest").map(b -> b.number() + " (slot " + b.slot() + ")").orElse("-"))
          .append(", finalized ").append(block(node, "finalized").map(b -> Long.toString(b.number())).orElse("-"))
          .append('\n');
    }
    return out.toString();
  }

  /** The lines of {@code node}'s log that contain {@code text}. */
  List<String> logLines(int node, String text) {
    try (Stream<String> all = Files.lines(nodeDirectory(node).resolve("node.log"))) {
      return all.filter(line -> line.contains(text)).toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of("(no log: " + e.getMessage() + ")");
    }
  }

  /**
   * When {@code node} last logged that it listens for peers, by its log's timestamp (the same machine's clock, to the
   * millisecond); empty if it never did.
   */
  Optional<Instant> lastListening(int node) {
    List<String> lines = logLines(node, "p2p listening at");
    if (lines.isEmpty() || lines.getLast().startsWith("(no log")) {
      return Optional.empty();
    }
    String stamp = lines.getLast().substring(0, LOG_TIME_PATTERN.length());
    return Optional.of(LocalDateTime.parse(stamp, LOG_TIME).atZone(ZoneId.systemDefault()).toInstant());
  }

  /** Kills what still runs and keeps the nodes' logs in target/reliability/, for the failure that needs them. */
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
    Path kept = Path.of("target", "reliability", directory.getParent().getFileName().toString());
    try {
      Files.createDirectories(kept);
      for (int node = 0; node < size(); node++) {
        Path log = nodeDirectory(node).resolve("node.log");
        if (Files.exists(log)) {
          Files.copy(log, kept.resolve("node" + node + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      System.err.println("the nodes' logs could not be kept: " + e.getMessage());
    }
  }

  /** A block as RPC shows it: what the invariants compare. */
  record BlockSeen(long number, String hash, String stateRoot, String miner, long timestamp, long slot) {
    static BlockSeen of(JsonNode block) {
      return new BlockSeen(Long.decode(block.path("number").asText()), block.path("hash").asText(),
          block.path("stateRoot").asText(), block.path("miner").asText(), Long.decode(block.path("timestamp").asText()),
          Long.decode(block.path("slot").asText()));
    }
  }
}
