package io.luxtensor.cli;

import static io.luxtensor.cli.AiCli.LUX;
import static io.luxtensor.cli.AiCli.address;
import static io.luxtensor.cli.AiCli.afterTheSummary;
import static io.luxtensor.cli.AiCli.json;
import static io.luxtensor.cli.AiCli.lux;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.node.ChainService;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code luxtensor ai task} against a real dev node ({@link AiCli}): a task submitted, answered by a miner, scored by
 * a validator and paid out through the commands alone, each step read back with mt_getAIResult, balances and nonces;
 * blocks are sealed with evm_mine to pass the windows.
 */
class AiTaskCommandTest {
  private static final String MODEL = keccak("model");
  private static final String INPUT = keccak("input");
  private static final String RESULT = keccak("answer");
  /** Blocks from the head to the deadline: room for the submission and a commitment before it. */
  private static final int DEADLINE_BLOCKS = 5;

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
  void aTaskSubmittedIsAnsweredScoredAndPaidToTheMinerAndTheValidator() throws Exception {
    ai.start(new ChainService.Sealing.Instant());
    ai.subnetWithAStakedValidatorAndAMiner("--tempo", "2");

    long deadline = ai.head() + DEADLINE_BLOCKS;
    CommandRun submitted = submit("+" + DEADLINE_BLOCKS);
    assertEquals(ExitCodes.OK, submitted.exitCode(), submitted.printed());
    Map<String, String> rows = afterTheSummary(submitted);
    String taskId = rows.get("task id");
    assertTrue(taskId.matches("0x[0-9a-f]{64}"), submitted.printed());
    assertEquals("10 LUX", rows.get("task fee"), "escrowed; the gas is the 'fee paid'");
    assertEquals(List.of(deadline, deadline + 10, deadline + 20, deadline + 30, deadline + 40),
        List.of(rows.get("deadline"), rows.get("reveal end"), rows.get("score end"), rows.get("dispute end"),
            rows.get("vote end")).stream().map(Long::parseLong).toList(), "the windows of docs/ai-network.md");
    assertEquals(ai.node("mt_getAIResult", taskId), json(ai.read("task", "show", taskId, "--json")));
    Map<String, String> open = ai.read("task", "show", taskId).keyValues();
    assertEquals("open", open.get("status"));
    assertEquals(address("alice"), open.get("requester"));
    assertEquals("ipfs://input", open.get("input URI"));
    assertEquals("block " + deadline, open.get("deadline"));

    CommandRun committed = ai.send("task", "commit", taskId, "--result-hash", RESULT, "--result-uri",
        "ipfs://answer", "--from", "miner", "--json");
    assertEquals(ExitCodes.OK, committed.exitCode(), committed.printed());
    JsonNode commitment = json(committed);
    String salt = commitment.get("salt").asText();
    assertTrue(salt.matches("0x[0-9a-f]{64}"), salt);
    assertEquals(deadline + 1, commitment.get("revealFromBlock").asLong());
    assertEquals(deadline + 10, commitment.get("revealToBlock").asLong());
    String revealCommand = commitment.get("revealCommand").asText();
    assertEquals("luxtensor ai task reveal " + taskId + " --result-hash " + RESULT + " --result-uri ipfs://answer "
        + "--salt " + salt + " --from miner", revealCommand);
    String[] reveal = revealCommand.substring("luxtensor ai ".length()).split(" ");

    long nonce = ai.nonce("miner");
    CommandRun early = ai.send(reveal);
    assertEquals(ExitCodes.FAILED, early.exitCode(), early.printed());
    assertEquals("error: execution reverted: AITasks: results are revealed in blocks " + (deadline + 1) + " to "
        + (deadline + 10) + "; nothing was sent\n", early.err());
    assertEquals(nonce, ai.nonce("miner"), "refused before signing: no transaction");

    ai.mineUntil(deadline);
    CommandRun revealed = ai.send(reveal);
    assertEquals(ExitCodes.OK, revealed.exitCode(), revealed.printed());
    assertEquals("ipfs://answer", afterTheSummary(revealed).get("result URI"));
    CommandRun scored = ai.send("task", "score", taskId, "1", "60000", "--from", "validator", "--json");
    assertEquals(ExitCodes.OK, scored.exitCode(), scored.printed());
    assertEquals(60000, json(scored).get("score").asInt());

    CommandRun tooSoon = ai.send("task", "finalize", taskId, "--from", "validator");
    assertEquals(ExitCodes.FAILED, tooSoon.exitCode(), tooSoon.printed());
    assertEquals("error: execution reverted: AITasks: the task can be finalized from block " + (deadline + 41)
        + "; nothing was sent\n", tooSoon.err());

    ai.mineUntil(deadline + 40);
    BigInteger minersColdkey = ai.balance("bob");
    CommandRun finalized = ai.send("task", "finalize", taskId, "--from", "validator");
    assertEquals(ExitCodes.OK, finalized.exitCode(), finalized.printed());
    Map<String, String> payout = afterTheSummary(finalized);
    assertEquals("10 LUX", payout.get("paid"), "the fee, all of it");
    assertEquals("0 LUX", payout.get("refund"));
    assertEquals(minersColdkey.add(LUX.multiply(BigInteger.valueOf(9))), ai.balance("bob"),
        "90% of the fee to the coldkey of the only miner scored");

    CommandRun paid = ai.read("task", "show", taskId);
    assertEquals(ExitCodes.OK, paid.exitCode(), paid.printed());
    assertEquals("paid", paid.keyValues().get("status"));
    List<String> results = paid.out().lines().dropWhile(line -> !line.startsWith("miner ")).toList();
    assertEquals(List.of("miner", "revealed", "result URI", "scores", "median", "dispute", "payout"),
        List.of(results.get(0).split(" {2,}")));
    assertEquals(List.of(address("miner"), "yes", "ipfs://answer", "1", "60000", "none", "9 LUX"),
        List.of(results.get(1).split(" {2,}")), "the miner's 9 LUX of the 10 paid: the validator had 1");
    assertEquals("1 miner", results.get(2));
  }

  @Test
  void submitWithNoWaitPrintsTheTaskIdTheNodeAnswersBeforeTheBlockHoldsIt() throws Exception {
    ai.start(new ChainService.Sealing.Manual());
    assertEquals(ExitCodes.OK, ai.send("subnet", "create", "vision", "--from", "alice", "--no-wait").exitCode());
    ai.devNode().chain().seal().get();

    CommandRun submitted = submit("+" + DEADLINE_BLOCKS, "--no-wait", "--json");
    assertEquals(ExitCodes.OK, submitted.exitCode(), submitted.printed());
    String taskId = json(submitted).get("taskId").asText();
    CommandRun notYet = ai.read("task", "show", taskId);
    assertEquals(ExitCodes.NOT_FOUND, notYet.exitCode(), notYet.printed());
    assertEquals("error: no task " + taskId + "\n", notYet.err());

    ai.devNode().chain().seal().get();
    JsonNode task = json(ai.read("task", "show", taskId, "--json"));
    assertEquals(taskId, task.get("taskId").asText());
    assertEquals(lux("10"), Hex.decodeQuantity(task.get("fee").asText()).toString());
  }

  @Test
  void malformedTaskArgumentsAreUsageErrorsBeforeTheNodeIsAsked() {
    String hash = "0x" + "ab".repeat(32);
    List<List<String>> lines = List.of(
        submitLine(hash, "--deadline", "+0"),
        submitLine(hash, "--deadline", "+100001"),
        submitLine(hash, "--deadline", "soon"),
        submitLine(hash, "--model", "0x1234"),
        submitLine(hash, "--input-uri", "x".repeat(129)),
        submitLine(hash, "--fee", "ten"),
        List.of("task", "commit", "0x12", "--result-hash", hash, "--result-uri", "u", "--from", "miner"),
        List.of("task", "commit", hash, "--result-hash", hash + "00", "--result-uri", "u", "--from", "miner"),
        List.of("task", "reveal", hash, "--result-hash", hash, "--result-uri", "u", "--salt", "0x1234", "--from",
            "miner"),
        List.of("task", "score", hash, "1", "65536", "--from", "validator"),
        List.of("task", "finalize", hash.substring(2), "--from", "alice"));
    List<String> errors = new ArrayList<>();
    for (List<String> line : lines) {
      CommandRun run = ai.send(line.toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, run.exitCode(), line + "\n" + run.printed());
      assertEquals("", run.out(), line.toString());
      errors.add(run.err().strip());
    }
    assertEquals(List.of(
        "error: --deadline must be 1 to 100000 blocks after the head, not +0",
        "error: --deadline must be 1 to 100000 blocks after the head, not +100001",
        "error: --deadline must be a block number or +N (N blocks after the head), not soon",
        "error: --model must be 0x and 64 hex digits (32 bytes), not 2 bytes",
        "error: --input-uri has at most 128 bytes, not 129",
        "error: --fee: not a decimal amount of LUX: ten",
        "error: TASK_ID must be 0x and 64 hex digits (32 bytes), not 1 bytes",
        "error: --result-hash must be 0x and 64 hex digits (32 bytes), not 33 bytes",
        "error: --salt must be 0x and 64 hex digits (32 bytes), not 2 bytes",
        "error: SCORE must be a whole number from 0 to 65535, not 65536"), errors.subList(0, errors.size() - 1));
    assertTrue(errors.getLast().startsWith("error: TASK_ID must be 0x and 64 hex digits (32 bytes): "),
        errors.getLast());
    assertEquals(ExitCodes.USAGE, ai.read("task", "show", "0x12").exitCode());
    assertEquals(ExitCodes.UNREACHABLE, ai.send(submitLine(hash, "--fee", "1").toArray(String[]::new)).exitCode(),
        "well-formed, the same command goes on to the (absent) node");
  }

  /** {@code task submit 0} with a 10 LUX fee from alice, the deadline given, and {@code options}. */
  private CommandRun submit(String deadline, String... options) {
    List<String> line = new ArrayList<>(List.of("task", "submit", "0", "--model", MODEL, "--input", INPUT,
        "--input-uri", "ipfs://input", "--deadline", deadline, "--fee", "10", "--from", "alice"));
    line.addAll(List.of(options));
    return ai.send(line.toArray(String[]::new));
  }

  /**
   * {@code task submit 0} from alice with {@code hash} as model and input hashes, a 1 LUX fee and a deadline 5 blocks
   * ahead, but {@code option} set to {@code value}.
   */
  private static List<String> submitLine(String hash, String option, String value) {
    Map<String, String> options = new LinkedHashMap<>(Map.of("--model", hash, "--input", hash, "--input-uri",
        "ipfs://i", "--deadline", "+5", "--fee", "1", "--from", "alice"));
    options.put(option, value);
    List<String> line = new ArrayList<>(List.of("task", "submit", "0"));
    options.forEach((name, given) -> line.addAll(List.of(name, given)));
    return line;
  }

  private static String keccak(String text) {
    return Hash.keccak(text.getBytes(StandardCharsets.UTF_8)).toHex();
  }
}
