package io.luxtensor.cli;

import static io.luxtensor.cli.AiCli.LUX;
import static io.luxtensor.cli.AiCli.address;
import static io.luxtensor.cli.AiCli.afterTheSummary;
import static io.luxtensor.cli.AiCli.await;
import static io.luxtensor.cli.AiCli.json;
import static io.luxtensor.cli.AiCli.lux;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.node.ChainService;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code luxtensor ai} subnets, registration, stake and weights against a real dev node ({@link AiCli}), every
 * effect read back through the node's own JSON-RPC: lux_getSubnet and lux_getMetagraph for subnets, UIDs
 * and stake, lux_getWeights for weights, nonces to show that a refused call sent nothing.
 */
class AiCommandTest {
  @TempDir
  Path directory;

  private AiCli ai;

  @BeforeEach
  void importTheDevAccounts() {
    ai = new AiCli(directory);
  }

  @AfterEach
  void stopTheNode() {
    ai.close();
  }

  @Test
  void aSubnetCreatedIsListedAndShownWithTheHyperparametersGiven() throws Exception {
    ai.start(new ChainService.Sealing.Instant());
    CommandRun created = ai.send("subnet", "create", "vision", "--tempo", "7", "--max-uids", "16", "--commit-reveal",
        "--from", "alice", "--json");
    assertEquals(ExitCodes.OK, created.exitCode(), created.printed());
    JsonNode report = json(created);
    assertEquals("success", report.get("status").asText());
    assertEquals(0, report.get("netuid").asInt());
    assertEquals("vision", report.get("name").asText());
    assertEquals(address("alice"), report.get("owner").asText());
    assertEquals(LUX.multiply(BigInteger.valueOf(100)).toString(), report.get("lockWei").asText(),
        "the first subnet locks the minimum, 100 LUX");

    JsonNode hyperparameters = ai.node("lux_getSubnet", "0x0").get("hyperparameters");
    assertEquals("0x7", hyperparameters.get("tempo").asText());
    assertEquals("0x10", hyperparameters.get("maxUids").asText());
    assertEquals("0x10", hyperparameters.get("maxValidators").asText(), "not given: the default 64, at most maxUids");
    assertTrue(hyperparameters.get("commitReveal").asBoolean());
    assertEquals("0x64", hyperparameters.get("weightsRateLimit").asText(), "not given: subtensor's default, 100");

    CommandRun listed = ai.read("subnet", "list", "--json");
    assertEquals(ExitCodes.OK, listed.exitCode(), listed.printed());
    assertEquals(ai.node("lux_listSubnets"), json(listed));
    List<String> table = ai.read("subnet", "list").out().lines().toList();
    assertEquals(List.of("netuid", "name", "owner", "UIDs", "tempo", "lock", "last epoch"),
        List.of(table.get(0).split(" {2,}")));
    assertEquals(List.of("0", "vision", address("alice"), "0 of 16", "7", "100 LUX", "none yet"),
        List.of(table.get(1).split(" {2,}")));
    assertEquals("1 subnet", table.get(2));

    CommandRun shown = ai.read("subnet", "show", "0");
    assertEquals(ExitCodes.OK, shown.exitCode(), shown.printed());
    Map<String, String> rows = shown.keyValues();
    assertEquals("vision", rows.get("name"));
    assertEquals(address("alice"), rows.get("owner"));
    assertEquals("100 LUX", rows.get("lock"));
    assertEquals("0 of 16", rows.get("UIDs"));
    assertEquals("7", rows.get("tempo"));
    assertEquals("on", rows.get("commit-reveal"));
    assertEquals("0 UIDs", shown.out().lines().reduce((first, second) -> second).orElseThrow());
    assertEquals(ai.node("lux_getMetagraph", "0x0"), json(ai.read("subnet", "show", "0", "--json")));

    CommandRun missing = ai.read("subnet", "show", "1");
    assertEquals(ExitCodes.NOT_FOUND, missing.exitCode(), missing.printed());
    assertEquals("error: no subnet 1 (luxtensor ai subnet list)\n", missing.err());
  }

  @Test
  void registerPrintsTheUidAndStakeAddAndRemoveMoveTheStakeTheMetagraphShows() throws Exception {
    ai.start(new ChainService.Sealing.Instant());
    assertEquals(ExitCodes.OK, ai.send("subnet", "create", "vision", "--from", "alice").exitCode());

    CommandRun validator = ai.send("register", "0", "validator", "--from", "alice", "--json");
    assertEquals(ExitCodes.OK, validator.exitCode(), validator.printed());
    assertEquals(0, json(validator).get("uid").asInt());
    assertEquals(LUX.toString(), json(validator).get("burnWei").asText(), "a new subnet's burn: 1 LUX");
    CommandRun miner = ai.send("register", "0", address("miner"), "--from", "alice");
    assertEquals(ExitCodes.OK, miner.exitCode(), miner.printed());
    Map<String, String> rows = afterTheSummary(miner);
    assertEquals("success", rows.get("status"));
    assertEquals("1", rows.get("uid"));
    assertEquals(address("miner"), rows.get("hotkey"));
    assertEquals(address("alice"), rows.get("coldkey"));
    assertEquals("1 LUX", rows.get("burned"));
    JsonNode neurons = ai.node("lux_getMetagraph", "0x0").get("neurons");
    assertEquals(address("validator").toLowerCase(), neurons.get(0).get("hotkey").asText().toLowerCase());
    assertEquals(address("miner").toLowerCase(), neurons.get(1).get("hotkey").asText().toLowerCase());

    CommandRun staked = ai.send("stake", "add", "0", "validator", "10", "--from", "alice", "--json");
    assertEquals(ExitCodes.OK, staked.exitCode(), staked.printed());
    assertEquals(lux("10"), json(staked).get("coldkeyStakeWei").asText());
    CommandRun delegated = ai.send("stake", "add", "0", address("validator"), "2.5", "--from", "bob", "--json");
    assertEquals(ExitCodes.OK, delegated.exitCode(), delegated.printed());
    assertEquals(lux("2.5"), json(delegated).get("coldkeyStakeWei").asText());
    assertEquals(lux("12.5"), json(delegated).get("hotkeyStakeWei").asText());
    assertEquals(lux("12.5"), stakeOfUid(0));

    BigInteger aliceBefore = ai.balance("alice");
    CommandRun removed = ai.send("stake", "remove", "0", "validator", "4", "--from", "alice", "--json");
    assertEquals(ExitCodes.OK, removed.exitCode(), removed.printed());
    JsonNode report = json(removed);
    assertEquals(lux("4"), report.get("amountWei").asText());
    assertEquals(lux("6"), report.get("coldkeyStakeWei").asText());
    assertEquals(lux("8.5"), stakeOfUid(0));
    List<String> metagraph = ai.read("subnet", "show", "0").out().lines().dropWhile(line -> !line.startsWith("uid "))
        .toList();
    assertEquals(List.of("uid", "stake", "rank", "trust", "consensus", "incentive", "dividends", "vtrust", "permit",
        "emission", "updated", "hotkey", "coldkey"), List.of(metagraph.get(0).split(" {2,}")));
    assertEquals(List.of("0", "8.5 LUX", "0.0000", "0.0000", "0.0000", "0.0000", "0.0000", "0.0000", "no", "0 LUX",
        "2", address("validator"), address("alice")), List.of(metagraph.get(1).split(" {2,}")));
    assertEquals("2 UIDs", metagraph.get(3));
    assertEquals(aliceBefore.add(LUX.multiply(BigInteger.valueOf(4))).subtract(new BigInteger(report.get("feeWei")
        .asText())), ai.balance("alice"), "the 4 LUX came back to the coldkey, less the fee");

    long nonce = ai.nonce("alice");
    CommandRun tooMuch = ai.send("stake", "remove", "0", "validator", "100", "--from", "alice");
    assertEquals(ExitCodes.FAILED, tooMuch.exitCode(), tooMuch.printed());
    assertEquals("error: execution reverted: Stake: cannot remove 100 LUX: " + address("alice") + " has 6 LUX staked "
        + "on " + address("validator") + " on subnet 0; nothing was sent\n", tooMuch.err());
    assertEquals("", tooMuch.out());
    assertEquals(nonce, ai.nonce("alice"), "refused before signing: no transaction");
  }

  @Test
  void weightsAreSetOnceAnEpochGrantsThePermitAndARefusalPrintsTheContractsReason() throws Exception {
    ai.start(new ChainService.Sealing.Instant());
    ai.subnetWithAStakedValidatorAndAMiner("--tempo", "2", "--weights-rate-limit", "0");

    long nonce = ai.nonce("validator");
    CommandRun unknownUid = ai.send("weights", "set", "0", "--uids", "0,7", "--values", "100,200", "--from", "validator");
    assertEquals(ExitCodes.FAILED, unknownUid.exitCode(), unknownUid.printed());
    assertEquals("error: execution reverted: Weights: UID 7 does not exist (the subnet has 2); nothing was sent\n",
        unknownUid.err());
    CommandRun noPermit = ai.send("weights", "set", "0", "--uids", "0,1", "--values", "1,1", "--from", "miner");
    assertEquals(ExitCodes.FAILED, noPermit.exitCode(), noPermit.printed());
    assertTrue(noPermit.err().startsWith("error: execution reverted: Weights: UID 1 has no validator permit"),
        noPermit.err());
    assertEquals(nonce, ai.nonce("validator"), "refused before signing: no transaction");

    CommandRun set = ai.send("weights", "set", "0", "--uids", "0,1", "--values", "100,200", "--version-key", "3",
        "--from", "validator", "--json");
    assertEquals(ExitCodes.OK, set.exitCode(), set.printed());
    JsonNode report = json(set);
    assertEquals(0, report.get("uid").asInt());
    assertEquals(2, report.get("weights").asInt());
    assertEquals("3", report.get("versionKey").asText());
    JsonNode stored = ai.node("lux_getWeights", "0x0", "0x0");
    assertEquals(Hex.encodeQuantity(report.get("blockNumber").asLong()), stored.get("setAt").asText());
    assertEquals("0x1", stored.get("weights").get(1).get("uid").asText());
    assertEquals("0xffff", stored.get("weights").get(1).get("value").asText(), "scaled: the largest is 65535");
  }

  @Test
  void weightsCommittedAreRevealedInTheEpochPrintedWithThePrintedSalt() throws Exception {
    ai.start(new ChainService.Sealing.Instant());
    ai.subnetWithAStakedValidatorAndAMiner("--tempo", "2", "--weights-rate-limit", "0", "--commit-reveal");

    CommandRun committed = ai.send("weights", "commit", "0", "--uids", "0,1", "--values", "100,200", "--from",
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

    ai.mineUntil(from - 1);
    assertTrue(ai.head() + 1 <= to, "the next block is in the reveal window");
    String otherSalt = "0x" + "00".repeat(32);
    CommandRun wrongSalt = ai.send("weights", "reveal", "0", "--uids", "0,1", "--values", "100,200", "--salt", otherSalt,
        "--from", "validator");
    assertEquals(ExitCodes.FAILED, wrongSalt.exitCode(), wrongSalt.printed());
    assertTrue(wrongSalt.err().startsWith("error: execution reverted: Weights: the reveal does not match the "
        + "commitment"), wrongSalt.err());

    CommandRun revealed = ai.send("weights", "reveal", "0", "--uids", "0,1", "--values", "100,200", "--salt", salt,
        "--from", "validator", "--json");
    assertEquals(ExitCodes.OK, revealed.exitCode(), revealed.printed());
    long block = json(revealed).get("blockNumber").asLong();
    assertTrue(block >= from && block <= to, "revealed in block " + block);
    JsonNode stored = ai.node("lux_getWeights", "0x0", "0x0");
    assertEquals(Hex.encodeQuantity(block), stored.get("setAt").asText());
    assertEquals(2, stored.get("weights").size());

    CommandRun again = ai.send("weights", "reveal", "0", "--uids", "0,1", "--values", "100,200", "--salt", salt,
        "--from", "validator");
    assertEquals(ExitCodes.FAILED, again.exitCode(), again.printed());
    assertTrue(again.err().contains("Weights: hotkey " + address("validator") + " has no commitment to reveal"),
        again.err());
  }

  @Test
  void aTransactionThatRevertsInItsBlockPrintsTheReasonFromThatBlock() throws Exception {
    ai.start(new ChainService.Sealing.Manual());
    assertEquals(ExitCodes.OK, ai.send("subnet", "create", "vision", "--from", "alice", "--no-wait").exitCode());
    ai.devNode().chain().seal().get();

    ExecutorService senders = Executors.newFixedThreadPool(2);
    try {
      // Both estimates pass on the sealed state; whichever the block takes second finds the hotkey taken.
      CompletableFuture<CommandRun> byAlice = CompletableFuture.supplyAsync(
          () -> ai.send("register", "0", "miner", "--from", "alice", "--json"), senders);
      await(() -> ai.pending() == 1, "alice's registration pending");
      CompletableFuture<CommandRun> byBob = CompletableFuture.supplyAsync(
          () -> ai.send("register", "0", "miner", "--from", "bob", "--json"), senders);
      await(() -> ai.pending() == 2, "bob's registration pending");
      long block = ai.devNode().chain().seal().get().block().header().number();

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
      CommandRun run = ai.send(line.toArray(String[]::new));
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
    assertEquals(ExitCodes.USAGE, ai.read("subnet", "show", "-1").exitCode());
    assertEquals(ExitCodes.UNREACHABLE, ai.send("weights", "set", "0", "--uids", "1", "--values", "5", "--from",
        "validator").exitCode(), "well-formed, the same command goes on to the (absent) node");
  }

  private String stakeOfUid(int uid) {
    return Hex.decodeQuantity(ai.node("lux_getMetagraph", "0x0").get("neurons").get(uid).get("stake").asText())
        .toString();
  }
}
