package io.luxtensor.api.jsonrpc.ai;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.execution.system.AiTasksContract;

/**
 * {@code lux_getTask(taskId, block)}: a task's fields, status and windows (without its results: see
 * {@code mt_getAIResult}); null if no task has the id.
 */
public final class LuxGetTask implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxGetTask(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_getTask";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    return AiTasksContract.task(reads.state(params, 1), params.hash(0, "taskId")).map(AiTaskReads::task)
        .orElse(null);
  }
}
