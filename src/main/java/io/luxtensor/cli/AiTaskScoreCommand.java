package io.luxtensor.cli;

import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor ai task score}: a permitted validator scores the result a UID revealed. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {"Score the result UID revealed to task TASK_ID (AITasks.scoreResult), by the validator hotkey "
        + "--from, which holds a validator permit on the task's subnet; a later score replaces its own.",
        "Scores are taken from the block after the deadline to the end of the score window; a result is worth the "
            + "stake-weighted median of its scores."},
    footer = {"", "Examples:",
        "  luxtensor ai task score \"$TASK\" 1 60000 --from validator-1"})
final class AiTaskScoreCommand implements Runnable {

  @ParentCommand
  AiTaskCommand task;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TASK_ID", description = "The task: 0x and 64 hex digits.")
  String taskId;

  @Parameters(index = "1", paramLabel = "UID", description = "The miner's UID on the task's subnet: 0 to 65535.")
  String uid;

  @Parameters(index = "2", paramLabel = "SCORE", description = "The score: 0 to 65535.")
  String score;

  @Mixin
  TransactionOptions transaction;

  @Override
  public void run() {
    Hash id = AiArguments.taskId(taskId);
    int minerUid = AiArguments.u16("UID", uid);
    int value = AiArguments.u16("SCORE", score);
    TransactionSender sender = new TransactionSender(transaction, spec.commandLine(), task.ai.console);
    sender.send(new TransactionSender.Request(AiContracts.SCORE_RESULT.contract(), Wei.ZERO,
        AiContracts.SCORE_RESULT.calldata(AiContracts.taskNumber(id), minerUid, value),
        "score " + value + " by " + sender.key().label() + " for the result of UID " + minerUid + " to task "
            + id.toHex()),
        (receipt, report) -> {
          List<Object> scored = AiContracts.RESULT_SCORED.decodeFrom(receipt);
          report.text("task id", "taskId", AiContracts.taskId((BigInteger) scored.get(0)).toHex())
              .number("uid", "uid", ((BigInteger) scored.get(1)).longValueExact())
              .number("score", "score", ((BigInteger) scored.get(2)).longValueExact());
        });
  }
}
