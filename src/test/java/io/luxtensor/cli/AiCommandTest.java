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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code luxtensor ai} against a real dev node in-process, signing with the dev accounts imported into a keystore,
 * and every effect read back through the node's own JSON-RPC: lux_getSubnet and lux_getMetagraph for subnets, UIDs
 * and stake, lux_getWeights for weights, nonces to show that a refused call sent nothing.
 */
class AiCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger LUX = BigInteger.TEN.pow(18);
  /** Generous for a loaded CI machine; every wait below ends as soon as its condition holds. */
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  /** Between two polls of a condition: keeps the node answering the commands under test, not the test. */
  private static final long POLL_INTERVAL_MS = 10;
  /** Dev accounts by role: the subnet owner and a coldkey, a validator's and a miner's hotkeys, a second coldkey. */
  private static final List<String> KEYS = List.of("alice", "validator", "miner", "bob");

  @TempDir
  Path directory;

  private WalletCli wallet;
  private LuxtensorNode node;
  private String rpc = "http://127.0.0.1:1";

  @BeforeEach
  void importTheDevAccounts() {
    wallet = new WalletCli(directory);
    for (int i = 0; i < KEYS.size(); i++) {
      assertEquals(ExitCodes.OK, wallet.importMnemonic(KEYS.get(i), DevChain.MNEMONIC, i, directory).exitCode());
    }
  }

  @AfterEach
  void stopTheNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void aSubnetCreatedIsListedAndShownWithTheHyperparametersGiven() throws Exception {
    start(new ChainService.Sealing.Instant());
    CommandRun created = send("subnet", "create", "vision", "--tempo", "7", "--max-uids", "16", "--commit-reveal",
        "--from", "alice", "--json");
    assertEquals(ExitCodes.OK, created.exitCode(), created.printed());
    JsonNode report = json(created);
    assertEquals("success", report.get("status").asText());
    assertEquals(0, report.get("netuid").asInt());
    assertEquals("vision", report.get("name").asText());
    assertEquals(address("alice"), report.get("owner").asText());
    assertEquals(LUX.multiply(BigInteger.valueOf(100)).toString(), report.get("lockWei").asText(),
        "the first subnet locks the minimum, 100 LUX");

    JsonNode hyperparameters = node("lux_getSubnet", "0x0").get("hyperparameters");
    assertEquals("0x7", hyperparameters.get("tempo").asText());
    assertEquals("0x10", hyperparameters.get("maxUids").asText());
    assertEquals("0x10", hyperparameters.get("maxValidators").asText(), "not given: the default 64, at most maxUids");
    assertTrue(hyperparameters.get("commitReveal").asBoolean());
    assertEquals("0x64", hyperparameters.get("weightsRateLimit").asText(), "not given: subtensor's default, 100");

    CommandRun listed = read("subnet", "list", "--json");
    assertEquals(ExitCodes.OK, listed.exitCode(), listed.printed());
    assertEquals(node("lux_listSubnets"), json(listed));
    List<String> table = read("subnet", "list").out().lines().toList();
    assertEquals(List.of("netuid", "name", "owner", "UIDs", "tempo", "lock", "last epoch"),
        List.of(table.get(0).split(" {2,}")));
    assertEquals(List.of("0", "vision", address("alice"), "0 of 16", "7", "100 LUX", "none yet"),
        List.of(table.get(1).split(" {2,}")));
    assertEquals("1 subnet", table.get(2));

    CommandRun shown = read("subnet", "show", "0");
    assertEquals(ExitCodes.OK, shown.exitCode(), shown.printed());
    Map<String, String> rows = shown.keyValues();
    assertEquals("vision", rows.get("name"));
    assertEquals(address("alice"), rows.get("owner"));
    assertEquals("100 LUX", rows.get("lock"));
    assertEquals("0 of 16", rows.get("UIDs"));
    assertEquals("7", rows.get("tempo"));
    assertEquals("on", rows.get("commit-reveal"));
    assertEquals("0 UIDs", shown.out().lines().reduce((first, second) -> second).orElseThrow());
    assertEquals(node("lux_getMetagraph", "0x0"), json(read("subnet", "show", "0", "--json")));

    CommandRun missing = read("subnet", "show", "1");
    assertEquals(ExitCodes.NOT_FOUND, missing.exitCode(), missing.printed());
    assertEquals("error: no subnet 1 (luxtensor ai subnet list)\n", missing.err());
  }

  @Test
  void registerPrintsTheUidAndStakeAddAndRemoveMoveTheStakeTheMetagraphShows() throws Exception {
    start(new ChainService.Sealing.Instant());
    assertEquals(ExitCodes.OK, send("subnet", "create", "vision", "--from", "alice").exitCode());

    CommandRun validator = send("register", "0", "validator", "--from", "alice", "--json");
    assertEquals(ExitCodes.OK, validator.exitCode(), validator.printed());
    assertEquals(0, json(validator).get("uid").asInt());
    assertEquals(LUX.toString(), json(validator).get("burnWei").asText(), "a new subnet's burn: 1 LUX");
    CommandRun miner = send("register", "0", address("miner"), "--from", "alice");
    assertEquals(ExitCodes.OK, miner.exitCode(), miner.printed());
    Map<String, String> rows = afterTheSummary(miner);
    assertEquals("success", rows.get("status"));
    assertEquals("1", rows.get("uid"));
    assertEquals(address("miner"), rows.get("hotkey"));
    assertEquals(address("alice"), rows.get("coldkey"));
    assertEquals("1 LUX", rows.get("burned"));
    JsonNode neurons = node("lux_getMetagraph", "0x0").get("neurons");
    assertEquals(address("validator").toLowerCase(), neurons.get(0).get("hotkey").asText().toLowerCase());
    assertEquals(address("miner").toLowerCase(), neurons.get(1).get("hotkey").asText().toLowerCase());

    CommandRun staked = send("stake", "add", "0", "validator", "10", "--from", "alice", "--json");
    assertEquals(ExitCodes.OK, staked.exitCode(), staked.printed());
    assertEquals(lux("10"), json(staked).get("coldkeyStakeWei").asText());
    CommandRun delegated = send("stake", "add", "0", address("validator"), "2.5", "--from", "bob", "--json");
    assertEquals(ExitCodes.OK, delegated.exitCode(), delegated.printed());
    assertEquals(lux("2.5"), json(delegated).get("coldkeyStakeWei").asText());
    assertEquals(lux("12.5"), json(delegated).get("hotkeyStakeWei").asText());
    assertEquals(lux("12.5"), stakeOfUid(0));

    BigInteger aliceBefore = balance("alice");
    CommandRun removed = send("stake", "remove", "0", "validator", "4", "--from", "alice", "--json");
    assertEquals(ExitCodes.OK, removed.exitCode(), removed.printed());
    JsonNode report = json(removed);
    assertEquals(lux("4"), report.get("amountWei").asText());
    assertEquals(lux("6"), report.get("coldkeyStakeWei").asText());
    assertEquals(lux("8.5"), stakeOfUid(0));
    List<String> metagraph = read("subnet", "show", "0").out().lines().dropWhile(line -> !line.startsWith("uid "))
        .toList();
    assertEquals(List.of("uid", "stake", "rank", "trust", "consensus", "incentive", "dividends", "vtrust", "permit",
        "emission", "updated", "hotkey", "coldkey"), List.of(metagraph.get(0).split(" {2,}")));
    assertEquals(List.of("0", "8.5 LUX", "0.0000", "0.0000", "0.0000", "0.0000", "0.0000", "0.0000", "no", "0 LUX",
        "2", address("validator"), address("alice")), List.of(metagraph.get(1).split(" {2,}")));
    assertEquals("2 UIDs", metagraph.get(3));
    assertEquals(aliceBefore.add(LUX.multiply(BigInteger.valueOf(4))).subtract(new BigInteger(report.get("feeWei")
        .asText())), balance("alice"), "the 4 LUX came back to the coldkey, less the fee");

    long nonce = nonce("alice");
    CommandRun tooMuch = send("stake", "remove", "0", "validator", "100", "--from", "alice");
    assertEquals(ExitCodes.FAILED, tooMuch.exitCode(), tooMuch.printed());
    assertEquals("error: execution reverted: Stake: cannot remove 100 LUX: " + address("alice") + " has 6 LUX staked "
        + "on " + address("validator") + " on subnet 0; nothing was sent\n", tooMuch.err());
    assertEquals("", tooMuch.out());
    assertEquals(nonce, nonce("alice"), "refused before signing: no transaction");
  }

  @Test
  void weightsAreSetOnceAnEpochGrantsThePermitAndARefusalPrintsTheContractsReason() throws Exception {
    start(new ChainService.Sealing.Instant());
    subnetWithAStakedValidatorAndAMiner("--tempo", "2", "--weights-rate-limit", "0");

    long nonce = nonce("validator");
    CommandRun unknownUid = send("weights", "set", "0", "--uids", "0,7", "--values", "100,200", "--from", "validator");
    assertEquals(ExitCodes.FAILED, unknownUid.exitCode(), unknownUid.printed());
    assertEquals("error: execution reverted: Weights: UID 7 does not exist (the subnet has 2); nothing was sent\n",
        unknownUid.err());
    CommandRun noPermit = send("weights", "set", "0", "--uids", "0,1", "--values", "1,1", "--from", "miner");
    assertEquals(ExitCodes.FAILED, noPermit.exitCode(), noPermit.printed());
    assertTrue(noPermit.err().startsWith("error: execution reverted: Weights: UID 1 has no validator permit"),
        noPermit.err());
    assertEquals(nonce, nonce("validator"), "refused before signing: no transaction");

    CommandRun set = send("weights", "set", "0", "--uids", "0,1", "--values", "100,200", "--version-key", "3",
        "--from", "validator", "--json");
    assertEquals(ExitCodes.OK, set.exitCode(), set.printed());
    JsonNode report = json(set);
    assertEquals(0, report.get("uid").asInt());
    assertEquals(2, report.get("weights").asInt());
    assertEquals("3", report.get("versionKey").asText());
    JsonNode stored = node("lux_getWeights", "0x0", "0x0");
    assertEquals(Hex.encodeQuantity(report.get("blockNumber").asLong()), stored.get("setAt").asText());
    assertEquals("0x1", stored.get("weights").get(1).get("uid").asText());
    assertEquals("0xffff", stored.get("weights").get(1).get("value").asText(), "scaled: the largest is 65535");
  }

  @Test
  void weightsCommittedAreRevealedInTheEpochPrintedWithThePrintedSalt() throws Exception {
    start(new ChainService.Sealing.Instant());
    subnetWithAStakedValidatorAndAMiner("--tempo", "2", "--weights-rate-limit", "0", "--commit-reveal");

    CommandRun committed = send("weights", "commit", "0", "--uids", "0,1", "--values", "100,200", "--from",
        "validator", "--json");
    assertEquals(ExitCodes.OK, committed.exitCode(), committed.printed());
    JsonNode commitment = json(committed);
    String salt = commitment.get("salt").asText();
    assertTrue(salt.matches("0x[0-9a-f]{64}"), salt);
    long from = commitment.get("revealFromBlock").asLong();
    long to = commitment.get("revealToBlock").asLong();
    assertTrue(from > commitment.get("blockNumber").asLong(), commitment.toString());
    assertEquals(2, to - from, "an epoch of tempo 2 has 3 blocks");
    assertEquals("luxtensor ai weights reveal 0 --uids 0,1 --values 100,200 --salt " + salt
        + " --version-key 0 --from validator", commitment.get("revealCommand").asText());

    while (head() + 1 < from) {
      node("evm_mine");
    }
    assertTrue(head() + 1 <= to, "the next block is in the reveal window");
    String otherSalt = "0x" + "00".repeat(32);
    CommandRun wrongSalt = send("weights", "reveal", "0", "--uids", "0,1", "--values", "100,200", "--salt", otherSalt,
        "--from", "validator");
    assertEquals(ExitCodes.FAILED, wrongSalt.exitCode(), wrongSalt.printed());
    assertTrue(wrongSalt.err().startsWith("error: execution reverted: Weights: the reveal does not match the "
        + "commitment"), wrongSalt.err());

    CommandRun revealed = send("weights", "reveal", "0", "--uids", "0,1", "--values", "100,200", "--salt", salt,
        "--from", "validator", "--json");
    assertEquals(ExitCodes.OK, revealed.exitCode(), revealed.printed());
    long block = json(revealed).get("blockNumber").asLong();
    assertTrue(block >= from && block <= to, "revealed in block " + block);
    JsonNode stored = node("lux_getWeights", "0x0", "0x0");
    assertEquals(Hex.encodeQuantity(block), stored.get("setAt").asText());
    assertEquals(2, stored.get("weights").size());

    CommandRun again = send("weights", "reveal", "0", "--uids", "0,1", "--values", "100,200", "--salt", salt,
        "--from", "validator");
    assertEquals(ExitCodes.FAILED, again.exitCode(), again.printed());
    assertTrue(again.err().contains("Weights: hotkey " + address("validator") + " has no commitment to reveal"),
        again.err());
  }

  @Test
  void aTransactionThatRevertsInItsBlockPrintsTheReasonFromThatBlock() throws Exception {
    start(new ChainService.Sealing.Manual());
    assertEquals(ExitCodes.OK, send("subnet", "create", "vision", "--from", "alice", "--no-wait").exitCode());
    node.chain().seal().get();

    ExecutorService senders = Executors.newFixedThreadPool(2);
    try {
      // Both estimates pass on the sealed state; whichever the block takes second finds the hotkey taken.
      CompletableFuture<CommandRun> byAlice = CompletableFuture.supplyAsync(
          () -> send("register", "0", "miner", "--from", "alice", "--json"), senders);
      await(() -> pending() == 1, "alice's registration pending");
      CompletableFuture<CommandRun> byBob = CompletableFuture.supplyAsync(
          () -> send("register", "0", "miner", "--from", "bob", "--json"), senders);
      await(() -> pending() == 2, "bob's registration pending");
      long block = node.chain().seal().get().block().header().number();

      List<CommandRun> runs = List.of(byAlice.get(), byBob.get());
      List<CommandRun> reverted = runs.stream().filter(run -> run.exitCode() != ExitCodes.OK).toList();
      assertEquals(1, reverted.size(), runs.toString());
      assertEquals(ExitCodes.FAILED, reverted.get(0).exitCode(), reverted.get(0).printed());
      String reason = "Neurons: hotkey " + address("miner") + " already has a UID on subnet 0";
      JsonNode report = json(reverted.get(0));
      assertEquals("reverted", report.get("status").asText());
      assertEquals(reason, report.get("revertReason").asText());
      assertEquals("error: transaction " + report.get("hash").asText() + " reverted in block " + block + ": "
          + reason + "\n", reverted.get(0).err());
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  void malformedArgumentsAreUsageErrorsBeforeTheNodeIsAsked() {
    String salt = "0x" + "ab".repeat(32);
    List<List<String>> lines = List.of(
        List.of("register", "65536", "miner", "--from", "alice"),
        List.of("stake", "add", "0", "validator", "ten", "--from", "alice"),
        List.of("weights", "set", "0", "--uids", "1,2", "--values", "5", "--from", "validator"),
        List.of("weights", "set", "0", "--uids", "1,x", "--values", "5,6", "--from", "validator"),
        List.of("weights", "set", "0", "--uids", "1", "--values", "65536", "--from", "validator"),
        List.of("weights", "commit", "0", "--uids", "1", "--values", "5", "--salt", "0x1234", "--from", "validator"),
        List.of("weights", "reveal", "0", "--uids", "1", "--values", "5", "--salt", salt, "--version-key", "-1",
            "--from", "validator"),
        List.of("subnet", "create", "vision", "--tempo", "0", "--from", "alice"),
        List.of("subnet", "create", "vision", "--max-validators", "300", "--from", "alice"),
        List.of("subnet", "create", "vision", "--lock", "1e-19", "--from", "nobody"));
    List<String> errors = new ArrayList<>();
    for (List<String> line : lines) {
      CommandRun run = send(line.toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, run.exitCode(), line + "\n" + run.printed());
      assertEquals("", run.out(), line.toString());
      errors.add(run.err().strip());
    }
    assertEquals(List.of(
        "error: netuid must be a whole number from 0 to 65535, not 65536",
        "error: LUX: not a decimal amount of LUX: ten",
        "error: --uids names 2 and --values 1: give one value a UID",
        "error: each of --uids must be a whole number from 0 to 65535, not x",
        "error: each of --values must be a whole number from 0 to 65535, not 65536",
        "error: --salt must be 0x and 64 hex digits (32 bytes), not 2 bytes",
        "error: --version-key must be a whole number from 0 to 2^64 - 1, not -1",
        "error: --tempo must be from 1 to 65535, not 0",
        "error: --max-validators must be from 1 to 256, not 300",
        "error: --lock: LUX amounts have at most 18 decimals: 1e-19"), errors);
    assertEquals(ExitCodes.USAGE, read("subnet", "show", "-1").exitCode());
    assertEquals(ExitCodes.UNREACHABLE, send("weights", "set", "0", "--uids", "1", "--values", "5", "--from",
        "validator").exitCode(), "well-formed, the same command goes on to the (absent) node");
  }

  /**
   * A subnet (netuid 0) created with {@code hyperparameters}, the validator and the miner registered (UIDs 0 and 1)
   * and 10 LUX staked on the validator, blocks sealed until an epoch has given the validator its permit.
   */
  private void subnetWithAStakedValidatorAndAMiner(String... hyperparameters) throws Exception {
    List<String> create = new ArrayList<>(List.of("subnet", "create", "test", "--from", "alice"));
    create.addAll(List.of(hyperparameters));
    for (List<String> line : List.of(create, List.of("register", "0", "validator", "--from", "alice"),
        List.of("register", "0", "miner", "--from", "alice"),
        List.of("stake", "add", "0", "validator", "10", "--from", "alice"))) {
      CommandRun run = send(line.toArray(String[]::new));
      assertEquals(ExitCodes.OK, run.exitCode(), line + "\n" + run.printed());
    }
    await(() -> {
      node("evm_mine");
      return node("lux_getMetagraph", "0x0").get("neurons").get(0).get("validatorPermit").asBoolean();
    }, "an epoch granting the validator its permit");
  }

  private void start(ChainService.Sealing sealing) {
    node = TestNodes.devNode(StorageConfig.memory(), sealing, TxPoolConfig.DEFAULT);
    rpc = "http://127.0.0.1:" + node.rpcPort();
  }

  /** {@code luxtensor ai ARGS} with the test's keystore, password file and node. */
  private CommandRun send(String... args) {
    List<String> line = new ArrayList<>(List.of(args));
    line.addAll(List.of("--keystore", wallet.keystore().toString(), "--password-file",
        wallet.passwordFile().toString()));
    return read(line.toArray(String[]::new));
  }

  /** {@code luxtensor ai ARGS --rpc URL}, in-process with nobody at a terminal, its output captured. */
  private CommandRun read(String... args) {
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

  /** The rows printed after "Sent HASH" and the summary line. */
  private static Map<String, String> afterTheSummary(CommandRun run) {
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(0).matches("Sent 0x[0-9a-f]{64}"), run.printed());
    return new CommandRun(run.exitCode(), String.join("\n", lines.subList(2, lines.size())), "").keyValues();
  }

  private JsonNode node(String method, Object... params) {
    return new NodeClient(rpc).call(method, params);
  }

  private long head() {
    return Hex.decodeQuantity(node("eth_blockNumber").asText()).longValueExact();
  }

  private long pending() {
    return Hex.decodeQuantity(node("txpool_status").get("pending").asText()).longValueExact();
  }

  private String stakeOfUid(int uid) {
    return Hex.decodeQuantity(node("lux_getMetagraph", "0x0").get("neurons").get(uid).get("stake").asText())
        .toString();
  }

  private BigInteger balance(String key) {
    return Hex.decodeQuantity(node("eth_getBalance", address(key), "latest").asText());
  }

  private long nonce(String key) {
    return Hex.decodeQuantity(node("eth_getTransactionCount", address(key), "latest").asText()).longValueExact();
  }

  private static String address(String key) {
    return DevChain.accounts(KEYS.size()).get(KEYS.indexOf(key)).address().toChecksumHex();
  }

  /** An amount of LUX in wei, as the reports and lux_getMetagraph give it. */
  private static String lux(String amount) {
    return Wei.ofLux(amount).value().toString();
  }

  private static JsonNode json(CommandRun run) {
    try {
      return JSON.readTree(run.out());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + run.printed(), e);
    }
  }

  /** Polls {@code condition} until it holds, failing after {@link #DEADLINE}. */
  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      assertFalse(System.nanoTime() > deadline, "no " + what + " within " + DEADLINE);
      Thread.sleep(POLL_INTERVAL_MS);
    }
  }
}
