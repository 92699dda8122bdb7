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

/** {@code luxtensor ai task finalize}: anyone closes a task after its vote window, paying out its fee. */
@Command(
    name = "finalize",
    mixinStandardHelpOptions = true,
    description = {"Finalize task TASK_ID after its vote window (AITasks.finalizeTask); any key may, and pays the "
        + "gas: disputes are decided, 90% of the fee goes to the miners by their results' median scores and 10% to "
        + "the validators who scored, all to coldkeys; with no result worth anything the whole fee goes back to the "
        + "requester.",
        "Prints what was paid out and what went back to the requester; 'ai task show' has each miner's payout."},
    footer = {"", "Examples:",
        "  luxtensor ai task finalize \"$TASK\" --from alice"})
final class AiTaskFinalizeCommand implements Runnable {

  @ParentCommand
  AiTaskCommand task;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TASK_ID", description = "The task: 0x and 64 hex digits.")
  String taskId;

  @Mixin
  TransactionOptions transaction;

  @Override
  public void run() {
    Hash id = AiArguments.taskId(taskId);
    TransactionSender sender = new TransactionSender(transaction, spec.commandLine(), task.ai.console);
    sender.send(new TransactionSender.Request(AiContracts.FINALIZE_TASK.contract(), Wei.ZERO,
        AiContracts.FINALIZE_TASK.calldata(AiContracts.taskNumber(id)), "finalize task " + id.toHex() + ", by "
            + sender.key().label()),
        (receipt, report) -> {
          List<Object> finalized = AiContracts.TASK_FINALIZED.decodeFrom(receipt);
          report.text("task id", "taskId", AiContracts.taskId((BigInteger) finalized.get(0)).toHex())
              .amount("paid", "paidWei", (BigInteger) finalized.get(1))
              .amount("refund", "refundWei", (BigInteger) finalized.get(2));
        });
  }
}
