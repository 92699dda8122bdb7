package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code luxtensor ai task commit}: a miner commits to its result by a hash up to the task's deadline, and is told
 * when and how to reveal it.
 */
@Command(
    name = "commit",
    mixinStandardHelpOptions = true,
    description = {"Commit the miner hotkey --from, which has a UID on the task's subnet, to a result of task TASK_ID "
        + "without showing it (AITasks.commitResult), up to the task's deadline; a later commitment replaces it.",
        "The commitment is keccak256(abi.encode(miner, taskId, resultHash, resultUri, salt)), computed here. Prints "
            + "the salt (random unless --salt; keep it, the reveal needs it), the reveal command, and the blocks to "
            + "reveal in, those just after the deadline."},
    footer = {"", "Examples:",
        "  luxtensor ai task commit \"$TASK\" --result-hash \"$RESULT\" \\",
        "      --result-uri ipfs://answer --from miner-1",
        "  SALT=$(luxtensor ai task commit \"$TASK\" --result-hash \"$RESULT\" \\",
        "      --result-uri ipfs://answer --from miner-1 --json | jq -r .salt)"})
final class AiTaskCommitCommand implements Runnable {
  /** Characters a shell takes literally; a URI with any other is quoted in the reveal command printed. */
  private static final Pattern SHELL_LITERAL = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

  @ParentCommand
  AiTaskCommand task;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  TaskResultArguments arguments;

  @Option(names = "--salt", paramLabel = "HEX",
      description = "32 bytes as 0x and 64 hex digits that hide the result until the reveal (default: random).")
  String salt;

  @Mixin
  TransactionOptions transaction;

  @Override
  public void run() {
    TaskResultArguments.Result result = arguments.result();
    byte[] saltBytes = salt != null ? AiArguments.salt(salt) : task.ai.randomSalt();
    TransactionSender sender = new TransactionSender(transaction, spec.commandLine(), task.ai.console);
    Hash commitment = AiContracts.resultCommitment(sender.key().address(), result, saltBytes);
    String label = sender.key().label();
    sender.send(new TransactionSender.Request(AiContracts.COMMIT_RESULT.contract(), Wei.ZERO,
        AiContracts.COMMIT_RESULT.calldata(AiContracts.taskNumber(result.taskId()), commitment.toBytes()),
        "commitment of " + label + " to a result of task " + result.taskId().toHex()),
        outcome(result, saltBytes, commitment, label));
  }

  private TransactionSender.Outcome outcome(TaskResultArguments.Result result, byte[] saltBytes, Hash commitment,
      String label) {
    return new TransactionSender.Outcome() {
      @Override
      public void sent(TransactionReport report) {
        report.text("salt", "salt", Hex.encode(saltBytes)).text("commitment", "commitment", commitment.toHex())
            .text("reveal with", "revealCommand", "luxtensor ai task reveal " + result.taskId().toHex()
                + " --result-hash " + result.resultHash().toHex() + " --result-uri " + shellWord(result.resultUri())
                + " --salt " + Hex.encode(saltBytes) + " --from " + label);
      }

      @Override
      public void describe(JsonNode receipt, TransactionReport report) {
        AiContracts.RESULT_COMMITTED.decodeFrom(receipt);
        JsonNode stored = AiTaskShowCommand.read(transaction.rpc.client(), "lux_getTask", result.taskId(),
            Hex.encodeQuantity(report.blockNumber()));
        report.number("reveal from block", "revealFromBlock", NodeAnswers.number(stored, "deadline") + 1)
            .number("reveal to block", "revealToBlock", NodeAnswers.number(stored, "revealEnd"));
      }
    };
  }

  /** {@code text} as one shell word: as it is if the shell takes it literally, else in single quotes. */
  private static String shellWord(String text) {
    if (SHELL_LITERAL.matcher(text).matches()) {
      return text;
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
