package io.luxtensor.api.graphql;

import io.luxtensor.ai.TaskWindows;
import io.luxtensor.execution.system.AiTasksContract;
import io.luxtensor.state.StateReader;
import java.util.List;

/**
 * A task as one request sees it: its record and the state it was read from, which its results are read from too, so
 * that every field answers at the same block. {@link #results} reads state: call it on a worker.
 */
record TaskView(StateReader state, AiTasksContract.Task task) {
  /** The windows every node applies: the standard contracts use the default rules. */
  static final TaskWindows WINDOWS = AiTasksContract.Rules.DEFAULTS.windows();

  List<AiTasksContract.MinerResult> results() {
    return AiTasksContract.results(state, task.id());
  }
}
