package io.luxtensor.api.jsonrpc.ai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.ai.TaskWindows;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.execution.system.AiTasksContract;
import java.util.Locale;

/** AI tasks as the task methods show them: quantities in hex, ids and hashes as 32 bytes of hex. */
final class AiTaskReads {
  /** The rules every node applies to tasks (the chain's system contracts use the defaults). */
  static final AiTasksContract.Rules RULES = AiTasksContract.Rules.DEFAULTS;

  private AiTaskReads() {}

  static ObjectNode task(AiTasksContract.Task task) {
    TaskWindows windows = RULES.windows();
    ObjectNode out = JsonNodeFactory.instance.objectNode()
        .put("taskId", task.id().toHex())
        .put("status", task.status().name().toLowerCase(Locale.ROOT))
        .put("requester", task.requester().toHex())
        .put("netuid", JsonRpcResults.quantity(task.netuid()))
        .put("modelHash", task.modelHash().toHex())
        .put("inputHash", task.inputHash().toHex())
        .put("inputUri", task.inputUri())
        .put("fee", JsonRpcResults.quantity(task.fee().value()))
        .put("submittedAt", JsonRpcResults.quantity(task.submittedAt()))
        .put("deadline", JsonRpcResults.quantity(task.deadline()))
        .put("revealEnd", JsonRpcResults.quantity(windows.revealEnd(task.deadline())))
        .put("scoreEnd", JsonRpcResults.quantity(windows.scoreEnd(task.deadline())))
        .put("disputeEnd", JsonRpcResults.quantity(windows.disputeEnd(task.deadline())))
        .put("voteEnd", JsonRpcResults.quantity(windows.voteEnd(task.deadline())))
        .put("refund", JsonRpcResults.quantity(task.refund().value()));
    return out;
  }

  static ObjectNode result(AiTasksContract.MinerResult result) {
    ObjectNode out = JsonNodeFactory.instance.objectNode()
        .put("miner", result.miner().toHex())
        .put("commitment", result.commitment().toHex())
        .put("revealed", result.revealed());
    if (result.revealed()) {
      out.put("resultHash", result.resultHash().toHex()).put("resultUri", result.resultUri());
    } else {
      out.putNull("resultHash").putNull("resultUri");
    }
    ArrayNode scores = out.putArray("scores");
    result.scores().forEach(s -> scores.addObject().put("validator", s.validator().toHex())
        .put("score", JsonRpcResults.quantity(s.score())));
    if (result.disputer().isPresent()) {
      out.putObject("dispute")
          .put("disputer", result.disputer().get().toHex())
          .put("outcome", result.dispute().name().toLowerCase(Locale.ROOT))
          .put("upholdVotes", JsonRpcResults.quantity(result.upholdVotes()))
          .put("rejectVotes", JsonRpcResults.quantity(result.rejectVotes()));
    } else {
      out.putNull("dispute");
    }
    return out.put("median", JsonRpcResults.quantity(result.median()))
        .put("payout", JsonRpcResults.quantity(result.payout().value()));
  }
}
