package io.luxtensor.api;

import io.luxtensor.ai.SubnetHyperparameters;
import io.luxtensor.execution.system.AiTasksContract;
import io.luxtensor.state.StateReader;
import io.luxtensor.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which AI tasks a listing answers, as {@code lux_listTasks} and GraphQL's {@code tasks} both take it: those of
 * subnet {@code netuid} and with {@code status}, each when given, in submission order, {@code offset} of them
 * skipped and at most {@code limit} returned; both count the tasks that pass the filter. The APIs check their
 * arguments and say what is wrong; a query out of these bounds here is a bug.
 *
 * @param netuid the subnet, a u16; empty for every subnet
 * @param status open, paid or refunded; empty for every status
 * @param offset how many passing tasks to skip
 * @param limit how many passing tasks to return, at most {@link #LIMIT_MAX}
 */
public record AiTaskQuery(Optional<Integer> netuid, Optional<AiTasksContract.Status> status, long offset,
    long limit) {
  /** The default and largest page: a task without its results is about half a kilobyte of JSON, so 50 KB. */
  public static final int LIMIT_MAX = 100;

  /** A page of tasks and how many pass the filter in all. */
  public record Page(List<AiTasksContract.Task> tasks, long total) {
    public Page {
      tasks = List.copyOf(tasks);
    }
  }

  public AiTaskQuery {
    if (netuid.isPresent() && (netuid.get() < 0 || netuid.get() > SubnetHyperparameters.U16_MAX)) {
      throw new IllegalArgumentException("netuid is a u16, not " + netuid.get());
    }
    if (status.isPresent() && status.get() == AiTasksContract.Status.NONE) {
      throw new IllegalArgumentException("no task has status NONE: it means no such task");
    }
    if (offset < 0 || limit < 0 || limit > LIMIT_MAX) {
      throw new IllegalArgumentException("offset " + offset + " and limit " + limit + " are counts, the limit at "
          + "most " + LIMIT_MAX);
    }
  }

  /**
   * The page of tasks this query selects in {@code state}. Without a status only the page's tasks are read (from the
   * subnet's own list when a netuid is given); a status filter reads every task of the subnet, or of the chain.
   */
  public Page page(StateReader state) {
    long count = netuid.map(n -> AiTasksContract.subnetTaskCount(state, n))
        .orElseGet(() -> AiTasksContract.taskCount(state));
    List<AiTasksContract.Task> tasks = new ArrayList<>();
    if (status.isEmpty()) {
      for (long i = offset; i < count && tasks.size() < limit; i++) {
        tasks.add(taskAt(state, i));
      }
      return new Page(tasks, count);
    }
    long total = 0;
    for (long i = 0; i < count; i++) {
      AiTasksContract.Task task = taskAt(state, i);
      if (task.status() != status.get()) {
        continue;
      }
      if (total >= offset && tasks.size() < limit) {
        tasks.add(task);
      }
      total++;
    }
    return new Page(tasks, total);
  }

  /** The {@code index}-th task of the subnet queried, or of the chain. */
  private AiTasksContract.Task taskAt(StateReader state, long index) {
    Hash id = netuid.isPresent() ? AiTasksContract.subnetTaskAt(state, netuid.get(), index)
        : AiTasksContract.taskAt(state, index);
    return AiTasksContract.task(state, id).orElseThrow();
  }
}
