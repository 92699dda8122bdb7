package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code luxtensor ai task show}: a task and every miner's answer to it, from the node's {@code mt_getAIResult}. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {"Show an AI task (status, requester, netuid, model and input, fee, deadline, the ends of its "
        + "reveal, score, dispute and vote windows, refund) and one row per miner that committed: whether it "
        + "revealed, its result URI, how many scores it has, its median score, its dispute and its payout (the "
        + "last two once the task is finalized).",
        "--json prints the node's mt_getAIResult answer unchanged (see docs/cli-ai.md)."},
    footer = {"", "Examples:",
        "  luxtensor ai task show \"$TASK\"",
        "  luxtensor ai task show \"$TASK\" --json | jq -r '.results[].payout'",
        "", "Exit codes: 0 shown, 1 no such task, 2 a task id that is not 32 bytes, 3 node unreachable, "
            + "4 other failures."})
final class AiTaskShowCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "TASK_ID", description = "The task: 0x and 64 hex digits.")
  String taskId;

  @Mixin
  RpcOptions rpc;

  @Mixin
  QueryOutput output;

  @Mixin
  AmountUnits units;

  @Override
  public Integer call() {
    Hash id = AiArguments.taskId(taskId);
    JsonNode task = read(rpc.client(), "mt_getAIResult", id, "latest");
    if (output.json) {
      output.printJson(task);
      return ExitCodes.OK;
    }
    Terminal terminal = output.terminal();
    taskRows(task).printTo(terminal);
    List<List<String>> rows = new ArrayList<>();
    task.path("results").forEach(result -> rows.add(resultRow(result)));
    terminal.out().println();
    if (!rows.isEmpty()) {
      terminal.table(List.of("miner", "revealed", "result URI", "scores", "median", "dispute", "payout"), rows);
    }
    terminal.out().println(rows.size() + (rows.size() == 1 ? " miner" : " miners"));
    terminal.out().flush();
    return ExitCodes.OK;
  }

  /**
   * Task {@code id} as {@code method} answers it on the state after {@code block}: lux_getTask, or mt_getAIResult
   * with every miner's result.
   *
   * @throws CliException (not found) if no task has the id
   */
  static JsonNode read(NodeClient node, String method, Hash id, String block) {
    JsonNode task = node.call(method, id.toHex(), block);
    if (task == null || task.isNull()) {
      throw CliException.notFound("no task " + id.toHex());
    }
    return task;
  }

  private KeyValues taskRows(JsonNode task) {
    return new KeyValues()
        .add("task id", NodeAnswers.text(task, "taskId"))
        .add("status", NodeAnswers.text(task, "status"))
        .add("requester", NodeAnswers.address(task, "requester"))
        .add("netuid", Long.toString(NodeAnswers.number(task, "netuid")))
        .add("model hash", NodeAnswers.text(task, "modelHash"))
        .add("input hash", NodeAnswers.text(task, "inputHash"))
        .add("input URI", NodeAnswers.text(task, "inputUri"))
        .add("fee", units.amount(NodeAnswers.quantity(task, "fee")))
        .add("submitted in", "block " + NodeAnswers.number(task, "submittedAt"))
        .add("deadline", "block " + NodeAnswers.number(task, "deadline"))
        .add("reveal end", "block " + NodeAnswers.number(task, "revealEnd"))
        .add("score end", "block " + NodeAnswers.number(task, "scoreEnd"))
        .add("dispute end", "block " + NodeAnswers.number(task, "disputeEnd"))
        .add("vote end", "block " + NodeAnswers.number(task, "voteEnd"))
        .add("refund", units.amount(NodeAnswers.quantity(task, "refund")));
  }

  private List<String> resultRow(JsonNode result) {
    boolean revealed = result.path("revealed").asBoolean();
    String uri = revealed ? NodeAnswers.text(result, "resultUri") : "";
    JsonNode dispute = result.path("dispute");
    return List.of(NodeAnswers.address(result, "miner"), revealed ? "yes" : "no", uri.isEmpty() ? "-" : uri,
        Integer.toString(result.path("scores").size()), Long.toString(NodeAnswers.number(result, "median")),
        dispute.isObject() ? NodeAnswers.text(dispute, "outcome") : "none",
        units.amount(NodeAnswers.quantity(result, "payout")));
  }
}
