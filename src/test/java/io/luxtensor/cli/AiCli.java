package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Wei;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/**
 * {@code luxtensor ai} run in-process against a real dev node, signing with the dev accounts imported into a
 * keystore, and the node's own JSON-RPC to read every effect back: what the {@code ai} command tests share.
 */
final class AiCli implements AutoCloseable {
  static final BigInteger LUX = BigInteger.TEN.pow(18);
  /** Dev accounts by role: the subnet owner and a coldkey, a validator's and a miner's hotkeys, a second coldkey. */
  static final List<String> KEYS = List.of("alice", "validator", "miner", "bob");
  /** Generous for a loaded CI machine; every wait below ends as soon as its condition holds. */
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  /** Between two polls of a condition: keeps the node answering the commands under test, not the test. */
  private static final long POLL_INTERVAL_MS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WalletCli wallet;
  private LuxtensorNode node;
  /** Until {@link #start}, nobody listens here: a command that gets as far as the node exits 3. */
  private String rpc = "http://127.0.0.1:1";
  private NodeClient client;

  /** The dev accounts {@link #KEYS} imported into a keystore in {@code directory}. */
  AiCli(Path directory) {
    wallet = new WalletCli(directory);
    for (int i = 0; i < KEYS.size(); i++) {
      assertEquals(ExitCodes.OK, wallet.importMnemonic(KEYS.get(i), DevChain.MNEMONIC, i, directory).exitCode());
    }
  }

  /** Starts the dev node the commands talk to. */
  void start(ChainService.Sealing sealing) {
    node = TestNodes.devNode(StorageConfig.memory(), sealing, TxPoolConfig.DEFAULT);
    rpc = "http://127.0.0.1:" + node.rpcPort();
  }

  LuxtensorNode devNode() {
    return node;
  }

  @Override
  public void close() {
    if (node != null) {
      node.close();
    }
  }

  /** {@code luxtensor ai ARGS} with the keystore, password file and node. */
  CommandRun send(String... args) {
    List<String> line = new ArrayList<>(List.of(args));
    line.addAll(List.of("--keystore", wallet.keystore().toString(), "--password-file",
        wallet.passwordFile().toString()));
    return read(line.toArray(String[]::new));
  }

  /** {@code luxtensor ai ARGS --rpc URL}, in-process with nobody at a terminal, its output captured. */
  CommandRun read(String... args) {
    List<String> line = new ArrayList<>(List.of("ai"));
    line.addAll(List.of(args));
    line.addAll(List.of("--rpc", rpc));
    CommandLine cli = Main.commandLine(List.of(AiCommand.class));
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    ((AiCommand) cli.getSubcommands().get("ai").getCommand()).console = ScriptedConsole.noTerminal();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exitCode = cli.execute(line.toArray(String[]::new));
    return new CommandRun(exitCode, out.toString(), err.toString());
  }

  /**
   * A subnet (netuid 0) owned by alice and created with {@code hyperparameters}, the validator registered (UID 0) by
   * alice with 10 LUX staked, the miner (UID 1) by bob, blocks sealed until an epoch has given the validator its
   * permit. Only the miner's earnings reach bob's balance: the owner's cut of each epoch goes to alice's.
   */
  void subnetWithAStakedValidatorAndAMiner(String... hyperparameters) throws InterruptedException {
    List<String> create = new ArrayList<>(List.of("subnet", "create", "test", "--from", "alice"));
    create.addAll(List.of(hyperparameters));
    for (List<String> line : List.of(create, List.of("register", "0", "validator", "--from", "alice"),
        List.of("register", "0", "miner", "--from", "bob"),
        List.of("stake", "add", "0", "validator", "10", "--from", "alice"))) {
      CommandRun run = send(line.toArray(String[]::new));
      assertEquals(ExitCodes.OK, run.exitCode(), line + "\n" + run.printed());
    }
    await(() -> {
      node("evm_mine");
      return node("lux_getMetagraph", "0x0").get("neurons").get(0).get("validatorPermit").asBoolean();
    }, "an epoch granting the validator its permit");
  }

  /** One client for the test's own calls: a client per call would hold a connection each, up to the node's limit. */
  JsonNode node(String method, Object... params) {
    if (client == null) {
      client = new NodeClient(rpc);
    }
    return client.call(method, params);
  }

  long head() {
    return Hex.decodeQuantity(node("eth_blockNumber").asText()).longValueExact();
  }

  /** Seals empty blocks until the head is {@code block}: the next transaction lands in the block after. */
  void mineUntil(long block) {
    while (head() < block) {
      node("evm_mine");
    }
  }

  long pending() {
    return Hex.decodeQuantity(node("txpool_status").get("pending").asText()).longValueExact();
  }

  BigInteger balance(String key) {
    return Hex.decodeQuantity(node("eth_getBalance", address(key), "latest").asText());
  }

  long nonce(String key) {
    return Hex.decodeQuantity(node("eth_getTransactionCount", address(key), "latest").asText()).longValueExact();
  }

  static String address(String key) {
    return DevChain.accounts(KEYS.size()).get(KEYS.indexOf(key)).address().toChecksumHex();
  }

  /** An amount of LUX in wei, as the reports and the node's AI reads give it. */
  static String lux(String amount) {
    return Wei.ofLux(amount).value().toString();
  }

  static JsonNode json(CommandRun run) {
    try {
      return JSON.readTree(run.out());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + run.printed(), e);
    }
  }

  /** The rows printed after "Sent HASH" and the summary line. */
  static Map<String, String> afterTheSummary(CommandRun run) {
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(0).matches("Sent 0x[0-9a-f]{64}"), run.printed());
    return new CommandRun(run.exitCode(), String.join("\n", lines.subList(2, lines.size())), "").keyValues();
  }

  /** Polls {@code condition} until it holds, failing after {@link #DEADLINE}. */
  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      assertFalse(System.nanoTime() > deadline, "no " + what + " within " + DEADLINE);
      Thread.sleep(POLL_INTERVAL_MS);
    }
  }
}
