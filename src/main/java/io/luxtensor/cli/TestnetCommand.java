package io.luxtensor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.KdfParams;
import io.luxtensor.crypto.Keystore;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.node.validators.ValidatorKeyStore;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.p2p.transport.NodeKey;
import io.luxtensor.storage.OwnerOnlyFiles;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code luxtensor testnet}: the files of a local network of several validators (genesis, node and validator keys, a
 * config per node, run.sh and stop.sh), and with {@code --start} the running network.
 */
@Command(
    name = "testnet",
    mixinStandardHelpOptions = true,
    description = {"Generate a local network of several validators on 127.0.0.1 (docs/operations.md): a genesis, "
        + "one directory per node with its config, node key and validator keys, and run.sh/stop.sh.",
        "Node i serves JSON-RPC on BASE_PORT+i and p2p on BASE_PORT+100+i. The genesis funds the dev mnemonic's "
            + "first 10 accounts, as the dev node does."},
    footer = {"", "Examples:", "  luxtensor testnet --validators 4 --start",
        "  luxtensor testnet --validators 8 --nodes 4 --dir net && net/run.sh",
        "  luxtensor start --config net/node0/config.json"})
final class TestnetCommand implements Runnable {
  static final int NODES_DEFAULT_MAX = 4;
  static final int VALIDATORS_MAX = 100;
  static final int RPC_PORT_OFFSET = 0;
  static final int P2P_PORT_OFFSET = 100;
  private static final int FREE_BASE_LOWEST = 20_000;
  private static final int FREE_BASE_HIGHEST = 32_768;
  private static final int FREE_BASE_ATTEMPTS = 50;
  static final int DOCKER_RPC_PORT = 8545;
  static final int DOCKER_P2P_PORT = 30303;
  private static final String PASSWORD = "testnet";
  /** Light scrypt (as Geth's --lightkdf): these keys sit next to their passwords on a developer's machine. */
  private static final KdfParams LIGHT_KDF = new KdfParams.ScryptParams(1 << 12, 8, 1);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--validators", required = true, paramLabel = "N", description = "How many validators (2 to 100).")
  int validators;

  @Option(names = "--nodes", paramLabel = "M",
      description = "How many node processes (default: one per validator, at most 4; validators shared round robin).")
  Integer nodes;

  @Option(names = "--slot-ms", defaultValue = "500", paramLabel = "MS", description = "Slot length (default 500).")
  long slotMillis;

  @Option(names = "--dir", defaultValue = "testnet", paramLabel = "DIR", description = "Where to write (default "
      + "./testnet); must not exist or be empty.")
  Path dir;

  @Option(names = "--base-port", defaultValue = "8545", paramLabel = "P", description = "Node i's JSON-RPC port is "
      + "P+i and its p2p port P+100+i (default 8545); 0 picks a free P from 20000 up.")
  int basePort;

  @Spec
  CommandSpec spec;

  /** Each node's JSON-RPC and p2p ports. */
  private final List<Integer> rpcPorts = new ArrayList<>();
  private final List<Integer> p2pPorts = new ArrayList<>();

  @Option(names = "--chain-id", defaultValue = "9999", paramLabel = "ID", description = "EIP-155 chain id (default "
      + "9999, the testnet's).")
  long chainId;

  @Option(names = "--no-dev-accounts", description = "Fund no dev accounts in the genesis.")
  boolean noDevAccounts;

  @Option(names = "--start", description = "Also start every node in the background and print its JSON-RPC URL.")
  boolean start;

  @Option(names = "--docker", description = "For docker/compose.yaml: node i is the host nodeI, every node listens on "
      + "0.0.0.0 at 8545 (API) and 30303 (p2p); no run.sh.")
  boolean docker;

  @Override
  public void run() {
    int nodeCount = nodes == null ? Math.min(validators, NODES_DEFAULT_MAX) : nodes;
    requireSane(nodeCount);
    int base = docker || basePort != 0 ? basePort : freeBasePort(nodeCount);
    for (int i = 0; i < nodeCount; i++) {
      rpcPorts.add(docker ? DOCKER_RPC_PORT : base + RPC_PORT_OFFSET + i);
      p2pPorts.add(docker ? DOCKER_P2P_PORT : base + P2P_PORT_OFFSET + i);
    }
    Path root = dir.toAbsolutePath().normalize();
    SecureRandom random = new SecureRandom();
    List<ValidatorKeys> keys = new ArrayList<>();
    for (int v = 0; v < validators; v++) {
      keys.add(ValidatorKeys.derivedFrom(PrivateKey.random(random)));
    }
    GenesisSpec genesis = DevChain.genesis(new DevChain.Settings(chainId, noDevAccounts ? 0 : DevChain.ACCOUNTS_DEFAULT,
        DevChain.BALANCE_DEFAULT, slotMillis, System.currentTimeMillis() / 1000), keys.stream()
        .map(k -> new Validator(k.address(), DevChain.VALIDATOR_STAKE, k.vrfPublicKey())).toList());
    List<NodeKey> nodeKeys = new ArrayList<>();
    for (int i = 0; i < nodeCount; i++) {
      nodeKeys.add(new NodeKey(PrivateKey.random(random)));
    }
    try {
      Files.createDirectories(root);
      write(root.resolve("genesis.json"), genesis.toJson());
      List<String> runLines = new ArrayList<>();
      for (int i = 0; i < nodeCount; i++) {
        Path node = root.resolve("node" + i);
        Files.createDirectories(node);
        OwnerOnlyFiles.create(node.resolve("nodekey"), Hex.encodeNoPrefix(nodeKeys.get(i).privateKey().toBytes()) + "\n");
        write(node.resolve("config.json"), config(i, nodeKeys));
        ValidatorKeyStore store = ValidatorKeyStore.inDatadir(node);
        for (int v = i; v < validators; v += nodeCount) {
          store.importKey(Keystore.encrypt(keys.get(v).signingKey(), PASSWORD, LIGHT_KDF, random), "validator " + v,
              PASSWORD);
        }
        runLines.add(launchLine(node));
      }
      if (docker) {
        out().println("Testnet of " + validators + " validators on " + nodeCount + " nodes in " + root
            + " for docker/compose.yaml (chain " + chainId + ", " + slotMillis + " ms slots)");
        return;
      }
      writeScript(root.resolve("run.sh"), "# Starts every node of this testnet in the background; logs in nodeN/node.log.\n"
          + String.join("\n", runLines) + "\n" + "echo \"started " + nodeCount + " nodes; stop them with "
          + root.resolve("stop.sh") + "\"\n");
      writeScript(root.resolve("stop.sh"), "# Stops every node of this testnet started by run.sh.\n"
          + "for pid_file in \"" + root + "\"/node*/node.pid; do\n"
          + "  [ -f \"$pid_file\" ] && kill \"$(cat \"$pid_file\")\" 2>/dev/null && rm -f \"$pid_file\"\n"
          + "done\ntrue\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the testnet into " + root + ": " + e.getMessage(), e);
    }
    out().println("Testnet of " + validators + " validators on " + nodeCount + " nodes in " + root
        + " (chain " + chainId + ", " + slotMillis + " ms slots)");
    if (!start) {
      out().println("Start it with " + root.resolve("run.sh") + " (started more than " + lateStartSeconds()
          + " s from now, its validators first wait two epochs), stop it with " + root.resolve("stop.sh"));
      return;
    }
    startAll(root);
    for (int i = 0; i < nodeCount; i++) {
      out().println("node" + i + ": " + rpcUrl(i));
    }
    out().println("Stop it with " + root.resolve("stop.sh"));
  }

  /** How long after its genesis a new network may start without its validators' two-epoch wait (ForkChoiceStore). */
  private long lateStartSeconds() {
    return 2 * GenesisSpec.DEFAULT_SLOTS_PER_EPOCH * slotMillis / 1000;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private void requireSane(int nodeCount) {
    if (validators < 2 || validators > VALIDATORS_MAX) {
      throw CliException.usage("--validators must be 2 to " + VALIDATORS_MAX + ", not " + validators
          + " (one validator is the dev node: luxtensor dev)");
    }
    if (docker && start) {
      throw CliException.usage("--docker writes a network for docker compose, which starts it: drop --start");
    }
    if (nodeCount < 1 || nodeCount > validators) {
      throw CliException.usage("--nodes must be 1 to --validators (" + validators + "), not " + nodeCount);
    }
    if (slotMillis < 50) {
      throw CliException.usage("--slot-ms must be at least 50, not " + slotMillis);
    }
    if (basePort != 0 && basePort < 1024 || basePort + P2P_PORT_OFFSET + nodeCount > 65535) {
      throw CliException.usage("--base-port " + basePort + " leaves no room for " + nodeCount + " nodes' ports");
    }
    try (var entries = Files.exists(dir) ? Files.list(dir) : java.util.stream.Stream.<Path>empty()) {
      if (entries.findAny().isPresent()) {
        throw CliException.usage(dir + " is not empty: choose another --dir or remove it");
      }
    } catch (IOException e) {
      throw CliException.usage("cannot read " + dir + ": " + e.getMessage());
    }
  }

  /** Node {@code i}'s config: its own data directory, its ports, and every other node as a bootnode. */
  private String config(int i, List<NodeKey> nodeKeys) throws IOException {
    ObjectNode config = JSON.createObjectNode();
    config.put("datadir", ".");
    config.put("genesis", "../genesis.json");
    config.putObject("storage").put("engine", "rocksdb");
    ObjectNode api = config.putObject("api").put("host", docker ? "0.0.0.0" : "127.0.0.1").put("port", rpcPorts.get(i));
    if (docker) {
      // Prometheus and the other containers call the node by its service name.
      ArrayNode allowed = api.putArray("hostAllowlist").add("localhost").add("127.0.0.1");
      for (int j = 0; j < nodeKeys.size(); j++) {
        allowed.add(dockerHost(j));
      }
    }
    ObjectNode p2p = config.putObject("p2p");
    p2p.put("enabled", true).put("host", docker ? "0.0.0.0" : "127.0.0.1").put("port", p2pPorts.get(i));
    ArrayNode bootnodes = p2p.putArray("bootnodes");
    for (int j = 0; j < nodeKeys.size(); j++) {
      if (j != i) {
        bootnodes.add(new NodeAddress(nodeKeys.get(j).publicKey(), docker ? dockerHost(j) : "127.0.0.1",
            p2pPorts.get(j)).toString());
      }
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n";
  }

  private static String dockerHost(int node) {
    return "node" + node;
  }

  /**
   * The line of run.sh that starts the node in {@code node}: this JVM, its AOT cache if it started with one (as
   * ./luxtensor and the image start it), its class path, the node's config and log.
   */
  private static String launchLine(Path node) {
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    String classPath = String.join(File.pathSeparator, Arrays.stream(
        System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString()).toList());
    String aotCache = AotCacheOption.ofThisJvm().map(cache -> "\"" + AotCacheOption.of(cache) + "\" ").orElse("");
    return "nohup \"" + javaCommand + "\" ${JAVA_OPTS:-} " + aotCache + "-cp \"" + classPath + "\" "
        + Main.class.getName() + " start --config \"" + node.resolve("config.json") + "\" > \"" + node.resolve("node.log")
        + "\" 2>&1 & echo $! > \"" + node.resolve("node.pid") + "\"";
  }

  private void startAll(Path root) {
    try {
      Process run = new ProcessBuilder("bash", root.resolve("run.sh").toString()).inheritIO().start();
      if (run.waitFor() != 0) {
        throw new CliException(ExitCodes.FAILED, root.resolve("run.sh") + " failed with exit code " + run.exitValue());
      }
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILED, "cannot run " + root.resolve("run.sh") + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.FAILED, "interrupted while starting the testnet");
    }
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try {
      for (int i = 0; i < rpcPorts.size(); i++) {
        while (!RpcReadiness.answers(http, URI.create(rpcUrl(i)))) {
          if (System.nanoTime() > deadline) {
            throw new CliException(ExitCodes.FAILED, "node" + i + " did not answer at " + rpcUrl(i) + " within "
                + READY_TIMEOUT.toSeconds() + " s: see " + root.resolve("node" + i).resolve("node.log"));
          }
          Thread.sleep(200);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.FAILED, "interrupted while waiting for the testnet");
    }
  }

  private String rpcUrl(int node) {
    return "http://127.0.0.1:" + rpcPorts.get(node);
  }

  /**
   * A base port whose nodes' ports no one listens on now, below Linux's default range of ephemeral ports (32768 up):
   * the nodes bind them moments or minutes later, and in between any outgoing connection on the machine could take
   * a port from the ephemeral range (it did, in the fault-injection tests).
   */
  private static int freeBasePort(int nodeCount) {
    SecureRandom random = new SecureRandom();
    int span = P2P_PORT_OFFSET + nodeCount;
    for (int attempt = 0; attempt < FREE_BASE_ATTEMPTS; attempt++) {
      int base = FREE_BASE_LOWEST + random.nextInt(FREE_BASE_HIGHEST - span - FREE_BASE_LOWEST);
      if (IntStream.range(0, nodeCount).allMatch(i -> isFree(base + RPC_PORT_OFFSET + i)
          && isFree(base + P2P_PORT_OFFSET + i))) {
        return base;
      }
    }
    throw new CliException(ExitCodes.FAILED, "no free ports for " + nodeCount + " nodes between "
        + FREE_BASE_LOWEST + " and " + FREE_BASE_HIGHEST + " after " + FREE_BASE_ATTEMPTS + " tries: give --base-port");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text);
  }

  private static void writeScript(Path file, String body) throws IOException {
    Files.writeString(file, "#!/usr/bin/env bash\nset -euo pipefail\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
