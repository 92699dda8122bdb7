package io.luxtensor.api.jsonrpc.ai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.execution.system.AiTasksContract;
import io.luxtensor.state.StateReader;
import io.luxtensor.types.Hash;
import java.util.Optional;

/**
 * {@code mt_getAIResult(taskId, block)}: a task with everything that happened to it: each miner's commitment, its
 * result once revealed, the validators' scores, the dispute, the median score and the payout once finalized; null
 * if no task has the id.
 */
public final class MtGetAIResult implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public MtGetAIResult(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "mt_getAIResult";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    Hash id = params.hash(0, "taskId");
    StateReader state = reads.state(params, 1);
    Optional<AiTasksContract.Task> task = AiTasksContract.task(state, id);
    if (task.isEmpty()) {
      return null;
    }
    ObjectNode out = AiTaskReads.task(task.get());
    ArrayNode results = out.putArray("results");
    AiTasksContract.results(state, id).forEach(r -> results.add(AiTaskReads.result(r)));
    return out;
  }
}
