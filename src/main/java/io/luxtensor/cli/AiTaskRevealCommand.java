package io.luxtensor.cli;

import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor ai task reveal}: a miner shows the result it committed to, in the blocks after the deadline. */
@Command(
    name = "reveal",
    mixinStandardHelpOptions = true,
    description = {"Reveal the result the miner hotkey --from committed to on task TASK_ID (AITasks.revealResult): "
        + "the same result hash, URI and salt, in the blocks 'ai task commit' printed.",
        "Only a revealed result can be scored and paid. A reveal before the deadline has passed or after its window, "
            + "or of anything but what was committed, prints the contract's reason and nothing is sent."},
    footer = {"", "Examples:",
        "  luxtensor ai task reveal \"$TASK\" --result-hash \"$RESULT\" \\",
        "      --result-uri ipfs://answer --salt \"$SALT\" --from miner-1"})
final class AiTaskRevealCommand implements Runnable {

  @ParentCommand
  AiTaskCommand task;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  TaskResultArguments arguments;

  @Option(names = "--salt", required = true, paramLabel = "HEX",
      description = "The salt the commitment was made with: 0x and 64 hex digits.")
  String salt;

  @Mixin
  TransactionOptions transaction;

  @Override
  public void run() {
    TaskResultArguments.Result result = arguments.result();
    byte[] saltBytes = AiArguments.salt(salt);
    TransactionSender sender = new TransactionSender(transaction, spec.commandLine(), task.ai.console);
    sender.send(new TransactionSender.Request(AiContracts.REVEAL_RESULT.contract(), Wei.ZERO,
        AiContracts.REVEAL_RESULT.calldata(AiContracts.taskNumber(result.taskId()), result.resultHash().toBytes(),
            result.resultUri(), saltBytes),
        "reveal by " + sender.key().label() + " of its result to task " + result.taskId().toHex()),
        (receipt, report) -> {
          List<Object> revealed = AiContracts.RESULT_REVEALED.decodeFrom(receipt);
          report.text("task id", "taskId", AiContracts.taskId((BigInteger) revealed.get(0)).toHex())
              .text("result hash", "resultHash", Hash.wrap((byte[]) revealed.get(1)).toHex())
              .text("result URI", "resultUri", (String) revealed.get(2));
        });
  }
}
