package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.Validator;
import io.luxtensor.node.NodeConfig;
import io.luxtensor.node.validators.StoredValidator;
import io.luxtensor.node.validators.ValidatorKeyStore;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.types.Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code luxtensor testnet} writes, and what it refuses. */
class TestnetCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;

  @Test
  void sixValidatorsOnThreeNodesShareKeysRoundRobinAndEveryNodeNamesTheOthers() throws Exception {
    Path net = directory.resolve("net");
    CommandRun run = CommandRun.of("testnet", "--validators", "6", "--nodes", "3", "--slot-ms", "250", "--dir",
        net.toString(), "--base-port", "20000", "--chain-id", "4242");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("6 validators on 3 nodes"), run.out());

    GenesisSpec genesis = GenesisSpec.parse(Files.readString(net.resolve("genesis.json")));
    assertEquals(4242, genesis.parameters().chainId());
    assertEquals(250, genesis.parameters().slotMillis());
    assertEquals(6, genesis.validators().size());
    for (DevChain.DevAccount account : DevChain.accounts(DevChain.ACCOUNTS_DEFAULT)) {
      assertEquals(DevChain.BALANCE_DEFAULT, genesis.alloc().get(account.address()).balance(), "dev accounts funded");
    }

    Set<Address> held = new HashSet<>();
    List<String> runScript = Files.readAllLines(net.resolve("run.sh"));
    for (int node = 0; node < 3; node++) {
      int current = node;
      Path home = net.resolve("node" + node);
      List<Address> keys = ValidatorKeyStore.inDatadir(home).list().stream()
          .map(StoredValidator::address).toList();
      assertEquals(2, keys.size(), "node" + node + " runs two of the six validators");
      held.addAll(keys);
      JsonNode config = JSON.readTree(home.resolve("config.json").toFile());
      assertEquals(20000 + node, config.path("api").path("port").intValue());
      assertEquals(20100 + node, config.path("p2p").path("port").intValue());
      List<Integer> bootPorts = new ArrayList<>();
      config.path("p2p").path("bootnodes").forEach(text -> bootPorts.add(NodeAddress.parse(text.asText()).port()));
      assertEquals(List.of(20100, 20101, 20102).stream().filter(p -> p != 20100 + current).toList(), bootPorts);
      NodeConfig parsed = NodeConfig.parse(Files.readString(home.resolve("config.json")), home);
      assertEquals(home.normalize(), parsed.datadir().normalize());
      assertTrue(parsed.genesis().orElseThrow().normalize().endsWith("net/genesis.json"));
      assertEquals(1, runScript.stream().filter(line -> line.contains("node" + current + "/config.json")).count(),
          "run.sh starts node" + node + " once, from its own directory");
    }
    assertEquals(genesis.validators().stream().map(Validator::address).collect(java.util.stream.Collectors.toSet()),
        held, "the nodes hold exactly the genesis validators' keys");
    assertTrue(Files.isExecutable(net.resolve("run.sh")) && Files.isExecutable(net.resolve("stop.sh")));
  }

  @Test
  void noDevAccountsFundsNone() throws Exception {
    Path net = directory.resolve("bare");
    assertEquals(ExitCodes.OK, CommandRun.of("testnet", "--validators", "2", "--dir", net.toString(),
        "--no-dev-accounts").exitCode());
    assertTrue(GenesisSpec.parse(Files.readString(net.resolve("genesis.json"))).alloc().isEmpty());
  }

  /** Below the ephemeral ports (32768 up), which any outgoing connection could take before the nodes start. */
  @Test
  void basePortZeroPicksFreePortsBelowTheEphemeralRange() throws Exception {
    Path net = directory.resolve("free");
    assertEquals(ExitCodes.OK, CommandRun.of("testnet", "--validators", "3", "--dir", net.toString(),
        "--base-port", "0").exitCode());
    int base = JSON.readTree(net.resolve("node0").resolve("config.json").toFile()).path("api").path("port").intValue();
    assertTrue(base >= 20000 && base + 102 < 32768, "base port " + base);
    for (int node = 0; node < 3; node++) {
      JsonNode config = JSON.readTree(net.resolve("node" + node).resolve("config.json").toFile());
      assertEquals(base + node, config.path("api").path("port").intValue());
      assertEquals(base + 100 + node, config.path("p2p").path("port").intValue());
    }
  }

  @Test
  void refusesWhatCannotMakeANetwork() throws Exception {
    assertRefused("--validators must be 2 to 100", "testnet", "--validators", "1", "--dir", dir("a"));
    assertRefused("--nodes must be 1 to --validators (3)", "testnet", "--validators", "3", "--nodes", "4", "--dir",
        dir("b"));
    assertRefused("--slot-ms must be at least 50", "testnet", "--validators", "2", "--slot-ms", "10", "--dir",
        dir("c"));
    Path used = Files.createDirectories(directory.resolve("used"));
    Files.writeString(used.resolve("something"), "x");
    assertRefused("is not empty", "testnet", "--validators", "2", "--dir", used.toString());
    assertEquals(List.of("something"), Files.list(used).map(p -> p.getFileName().toString()).toList(),
        "a refused run writes nothing");
  }

  private String dir(String name) {
    return directory.resolve(name).toString();
  }

  private static void assertRefused(String message, String... args) {
    CommandRun run = CommandRun.of(args);
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains(message), run.err());
  }
}
