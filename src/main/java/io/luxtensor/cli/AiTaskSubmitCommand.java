package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor ai task submit}: a requester asks a subnet's miners for an answer, escrowing the fee. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {"Submit an AI task to subnet NETUID (AITasks.submitTask), requested and paid by --from: the fee "
        + "is escrowed until the task is finalized.",
        "It is sent with the node's mt_submitAITask, which answers the task id at once (with --no-wait too). Prints "
            + "the id, the deadline (miners commit up to it) and the ends of the reveal, score, dispute and vote "
            + "windows after it."},
    footer = {"", "Examples:",
        "  luxtensor ai task submit 0 --model \"$MODEL\" --input \"$INPUT\" \\",
        "      --input-uri ipfs://input --deadline +20 --fee 10 --from alice",
        "  TASK=$(luxtensor ai task submit 0 --model \"$MODEL\" --input \"$INPUT\" \\",
        "      --input-uri ipfs://input --deadline 5000 --fee 2.5 --from alice \\",
        "      --no-wait --json | jq -r .taskId)"})
final class AiTaskSubmitCommand implements Runnable {

  @ParentCommand
  AiTaskCommand task;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NETUID", description = "The subnet whose miners answer: 0 to 65535.")
  String netuid;

  @Option(names = "--model", required = true, paramLabel = "HASH",
      description = "The hash of the model asked for: 0x and 64 hex digits.")
  String model;

  @Option(names = "--input", required = true, paramLabel = "HASH",
      description = "The hash of the input: 0x and 64 hex digits.")
  String input;

  @Option(names = "--input-uri", required = true, paramLabel = "URI",
      description = "Where miners fetch the input (e.g. ipfs://…): at most 128 bytes.")
  String inputUri;

  @Option(names = "--deadline", required = true, paramLabel = "BLOCK|+N",
      description = "The last block miners commit in: a block number, or +N for N blocks after the head (at most "
          + "100000 ahead).")
  String deadline;

  @Option(names = "--fee", required = true, paramLabel = "LUX",
      description = "The fee escrowed, in LUX: 90% goes to the miners by score, 10% to the validators who scored.")
  String fee;

  @Mixin
  TransactionOptions transaction;

  @Override
  public void run() {
    int subnet = AiArguments.netuid(netuid);
    Hash modelHash = AiArguments.hash("--model", model);
    Hash inputHash = AiArguments.hash("--input", input);
    String uri = AiArguments.uri("--input-uri", inputUri);
    TaskDeadline due = TaskDeadline.parse(deadline);
    Wei feeWei = LuxArgument.parse("--fee", fee);
    TransactionSender sender = new TransactionSender(transaction, spec.commandLine(), task.ai.console);
    long deadlineBlock = due.block(transaction.rpc.client());
    sender.send(new TransactionSender.Request(AiContracts.SUBMIT_TASK.contract(), feeWei,
        AiContracts.SUBMIT_TASK.calldata(subnet, modelHash.toBytes(), inputHash.toBytes(), uri, deadlineBlock),
        "task on subnet " + subnet + " with a fee of " + feeWei.toLuxString() + " LUX and deadline block "
            + deadlineBlock + ", requested by " + sender.key().label()),
        AiTaskSubmitCommand::submitTask, this::describe);
  }

  /** Through mt_submitAITask, which answers the task id with the hash: the id is known before the block. */
  private static String submitTask(NodeClient node, Transaction signed, TransactionReport report) {
    JsonNode answer = node.call("mt_submitAITask", Hex.encode(signed.encode()));
    report.text("task id", "taskId", NodeAnswers.text(answer, "taskId"));
    return NodeAnswers.text(answer, "transactionHash");
  }

  /** The task as its TaskSubmitted event and lux_getTask on the state after the block show it. */
  private void describe(JsonNode receipt, TransactionReport report) {
    List<Object> submitted = AiContracts.TASK_SUBMITTED.decodeFrom(receipt);
    JsonNode stored = AiTaskShowCommand.read(transaction.rpc.client(), "lux_getTask",
        AiContracts.taskId((BigInteger) submitted.get(0)), Hex.encodeQuantity(report.blockNumber()));
    report.number("netuid", "netuid", ((BigInteger) submitted.get(1)).longValueExact())
        .amount("task fee", "taskFeeWei", (BigInteger) submitted.get(2))
        .number("deadline", "deadline", ((BigInteger) submitted.get(3)).longValueExact())
        .number("reveal end", "revealEnd", NodeAnswers.number(stored, "revealEnd"))
        .number("score end", "scoreEnd", NodeAnswers.number(stored, "scoreEnd"))
        .number("dispute end", "disputeEnd", NodeAnswers.number(stored, "disputeEnd"))
        .number("vote end", "voteEnd", NodeAnswers.number(stored, "voteEnd"));
  }
}
