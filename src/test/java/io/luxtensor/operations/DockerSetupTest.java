package io.luxtensor.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.api.http.ApiServerConfig;
import io.luxtensor.cli.Main;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.storage.StorageEngine;
import io.luxtensor.testing.ApiCalls;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/ cannot be run here (no Docker engine), so its promises are checked against what they rely on: the
 * network compose.yaml starts is the one {@code luxtensor testnet --docker} writes, the image builds and runs the
 * jar the README builds, its HEALTHCHECK asks a path the node answers, and every series the alerts and the Grafana
 * dashboard name is one a running node exports.
 */
class DockerSetupTest {
  private static final Path DOCKER = Path.of("docker");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERIES = Pattern.compile("\\b((?:luxtensor|ethereum|jvm|process)_[a-z_]+)");

  @TempDir Path directory;

  @Test
  void composeStartsTheNetworkThatTestnetDockerWrites() throws Exception {
    String compose = Files.readString(DOCKER.resolve("compose.yaml"));
    Matcher init = Pattern.compile("luxtensor\\.jar (testnet [^\"]*)\"").matcher(compose);
    assertTrue(init.find(), "compose.yaml generates the network with luxtensor testnet");
    List<String> arguments = new ArrayList<>(List.of(init.group(1).split(" ")));
    arguments.set(arguments.indexOf("--dir") + 1, directory.resolve("net").toString());
    assertEquals(0, Main.commandLine().execute(arguments.toArray(String[]::new)), "compose's testnet command runs");

    int nodes = 4;
    for (int i = 0; i < nodes; i++) {
      assertTrue(compose.contains("\"start\", \"--config\", \"/net/node" + i + "/config.json\""),
          "compose.yaml starts node" + i + " from the config testnet wrote");
      JsonNode config = JSON.readTree(directory.resolve("net/node" + i + "/config.json").toFile());
      assertEquals(8545, config.path("api").path("port").intValue());
      assertEquals("0.0.0.0", config.path("api").path("host").asText());
      assertTrue(config.path("api").path("hostAllowlist").toString().contains("\"node0\""),
          "Prometheus scrapes by service name: " + config.path("api"));
      Set<String> peers = new TreeSet<>();
      config.path("p2p").path("bootnodes").forEach(text -> {
        NodeAddress address = NodeAddress.parse(text.asText());
        assertEquals(30303, address.port());
        peers.add(address.host());
      });
      Set<String> others = new TreeSet<>();
      for (int j = 0; j < nodes; j++) {
        if (j != i) {
          others.add("node" + j);
          assertTrue(compose.contains("  node" + j + ":"), "compose.yaml has a service node" + j);
        }
      }
      assertEquals(others, peers, "node" + i + " dials the other services");
    }
    String prometheus = Files.readString(DOCKER.resolve("prometheus/prometheus.yml"));
    for (int i = 0; i < nodes; i++) {
      assertTrue(prometheus.contains("\"node" + i + ":8545\""), "Prometheus scrapes node" + i);
    }
  }

  @Test
  void theImageBuildsTheReadmeJarAndItsHealthcheckAsksReadiness() throws Exception {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(dockerfile.contains("-DskipTests package") && readme.contains("-DskipTests package"),
        "the image builds the jar as the README does");
    assertTrue(Files.readString(Path.of("pom.xml")).contains("<finalName>luxtensor</finalName>")
        && dockerfile.contains("/src/target/luxtensor.jar"), "the image copies the jar Maven builds");
    assertTrue(dockerfile.contains("USER luxtensor"), "the node runs as a non-root user");
    // The training is the one the reliability harness records its nodes' cache with (NodeLaunch), so it runs in CI.
    Matcher training = Pattern.compile("java -XX:AOTCacheOutput=(\\S+) -jar /opt/luxtensor/luxtensor.jar "
        + "aot-training").matcher(dockerfile);
    assertTrue(training.find(), "the image records the AOT cache with the aot-training command");
    assertTrue(dockerfile.contains("ENTRYPOINT [\"java\", \"-XX:AOTCache=" + training.group(1) + "\""),
        "nodes start with the cache the image recorded");
    assertTrue(dockerfile.matches("(?s).*FROM eclipse-temurin:(2[5-9]|[3-9][0-9])-jre.*"),
        "the runtime is a JDK >= 25, which reads AOT caches");
    int apiPort = ApiServerConfig.defaults().port();
    assertTrue(dockerfile.contains("EXPOSE " + apiPort + " 30303"));
    Matcher health = Pattern.compile("curl -fsS http://127\\.0\\.0\\.1:(\\d+)(/\\w+)").matcher(dockerfile);
    assertTrue(health.find(), "a HEALTHCHECK over HTTP");
    assertEquals(apiPort, Integer.parseInt(health.group(1)));

    try (LuxtensorNode node = persistentNode()) {
      ApiCalls.Reply ready = new ApiCalls(node.rpcPort()).get(health.group(2));
      assertEquals(200, ready.status(), "the HEALTHCHECK's path on a node in step: " + ready.body());
    }
  }

  @Test
  void alertsAndTheDashboardNameOnlySeriesANodeExports() throws Exception {
    Set<String> named = new TreeSet<>();
    collect(Files.readString(DOCKER.resolve("prometheus/alerts.yml")), named);
    JsonNode dashboard = JSON.readTree(DOCKER.resolve("grafana/dashboards/luxtensor.json").toFile());
    dashboard.path("panels").forEach(panel -> panel.path("targets")
        .forEach(target -> collect(target.path("expr").asText(), named)));
    assertTrue(named.size() >= 10, "the rules and panels were read: " + named);

    try (LuxtensorNode node = persistentNode()) {
      ApiCalls api = new ApiCalls(node.rpcPort());
      api.rpc("eth_blockNumber", "[]");
      // Error counters exist from the first error of their code; the internal-error alert's series is one of them.
      api.rpc("eth_getBalance", "[\"0x0\"]");
      String scrape = api.get("/metrics").body();
      Set<String> exported = new TreeSet<>();
      scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.split("[{ ]", 2)[0]).forEach(exported::add);
      List<String> missing = named.stream().filter(series -> !exported.contains(series)).toList();
      assertEquals(List.of(), missing, "series named in docker/ that the node does not export");
    }
  }

  private static void collect(String text, Set<String> into) {
    Matcher m = SERIES.matcher(text);
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  /** A node on RocksDB, as in the image: the disk gauges exist only where there is a disk. */
  private LuxtensorNode persistentNode() {
    return TestNodes.devNode(StorageConfig.persistent(StorageEngine.ROCKSDB, directory.resolve("db")),
        new ChainService.Sealing.Instant(), TxPoolConfig.DEFAULT);
  }
}
