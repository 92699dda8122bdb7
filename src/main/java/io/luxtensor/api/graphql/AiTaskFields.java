package io.luxtensor.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.luxtensor.api.AiTaskQuery;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.execution.system.AiTasksContract;
import io.luxtensor.state.StateReader;
import io.luxtensor.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * LuxTensor's AI tasks: {@code task(id)} and {@code tasks(...)}, read from the AITasks contract at a block's state,
 * with the figures mt_getAIResult and lux_listTasks give; {@link AiTaskQuery} selects a page as for lux_listTasks.
 * Fields that read state run on a worker; those of a record already read answer from it.
 */
final class AiTaskFields implements FieldGroup {
  private final ChainViews views;
  private final Offload offload;

  AiTaskFields(ChainViews views, Offload offload) {
    this.views = views;
    this.offload = offload;
  }

  /** A page of tasks read from one state. */
  private record TaskPageView(List<TaskView> tasks, long total) {}

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Query", type -> type
        .dataFetcher("task", offload.fetcher(this::taskAt))
        .dataFetcher("tasks", offload.fetcher(this::tasks)));
    wiring.type("TaskStatus", type -> type.enumValues(AiTasksContract.Status::valueOf));
    wiring.type("DisputeOutcome", type -> type.enumValues(AiTasksContract.DisputeOutcome::valueOf));
    wiring.type("TaskPage", type -> type
        .dataFetcher("tasks", env -> env.<TaskPageView>getSource().tasks())
        .dataFetcher("total", env -> env.<TaskPageView>getSource().total()));
    wiring.type("Task", type -> type
        .dataFetcher("id", env -> task(env).id())
        .dataFetcher("status", env -> task(env).status())
        .dataFetcher("requester", env -> task(env).requester())
        .dataFetcher("netuid", env -> task(env).netuid())
        .dataFetcher("modelHash", env -> hash(task(env).modelHash()))
        .dataFetcher("inputHash", env -> hash(task(env).inputHash()))
        .dataFetcher("inputUri", env -> task(env).inputUri())
        .dataFetcher("fee", env -> task(env).fee())
        .dataFetcher("submittedAt", env -> task(env).submittedAt())
        .dataFetcher("deadline", env -> task(env).deadline())
        .dataFetcher("revealEnd", env -> TaskView.WINDOWS.revealEnd(task(env).deadline()))
        .dataFetcher("scoreEnd", env -> TaskView.WINDOWS.scoreEnd(task(env).deadline()))
        .dataFetcher("disputeEnd", env -> TaskView.WINDOWS.disputeEnd(task(env).deadline()))
        .dataFetcher("voteEnd", env -> TaskView.WINDOWS.voteEnd(task(env).deadline()))
        .dataFetcher("refund", env -> task(env).refund())
        .dataFetcher("results", offload.fetcher(env -> env.<TaskView>getSource().results())));
    wiring.type("TaskResult", type -> type
        .dataFetcher("miner", env -> result(env).miner())
        .dataFetcher("commitment", env -> hash(result(env).commitment()))
        .dataFetcher("revealed", env -> result(env).revealed())
        .dataFetcher("resultHash", env -> result(env).revealed() ? hash(result(env).resultHash()) : null)
        .dataFetcher("resultUri", env -> result(env).revealed() ? result(env).resultUri() : null)
        .dataFetcher("scores", env -> result(env).scores())
        .dataFetcher("dispute", env -> result(env).disputer().isPresent() ? result(env) : null)
        .dataFetcher("median", env -> result(env).median())
        .dataFetcher("payout", env -> result(env).payout()));
    wiring.type("TaskScore", type -> type
        .dataFetcher("validator", env -> env.<AiTasksContract.Score>getSource().validator())
        .dataFetcher("score", env -> env.<AiTasksContract.Score>getSource().score()));
    wiring.type("TaskDispute", type -> type
        .dataFetcher("disputer", env -> result(env).disputer().orElseThrow())
        .dataFetcher("outcome", env -> result(env).dispute())
        .dataFetcher("upholdVotes", env -> result(env).upholdVotes())
        .dataFetcher("rejectVotes", env -> result(env).rejectVotes()));
  }

  private TaskView taskAt(DataFetchingEnvironment env) {
    Hash id = env.getArgument("id");
    StateReader state = views.stateAt(env.getArgument("block"));
    return AiTasksContract.task(state, id).map(t -> new TaskView(state, t)).orElse(null);
  }

  private TaskPageView tasks(DataFetchingEnvironment env) {
    AiTaskQuery query = new AiTaskQuery(Arguments.optionalU16(env, "netuid"),
        Optional.ofNullable(env.getArgument("status")), Arguments.count(env, "offset", 0, Long.MAX_VALUE),
        Arguments.count(env, "limit", AiTaskQuery.LIMIT_MAX, AiTaskQuery.LIMIT_MAX));
    StateReader state = views.stateAt(env.getArgument("block"));
    AiTaskQuery.Page page = query.page(state);
    return new TaskPageView(page.tasks().stream().map(t -> new TaskView(state, t)).toList(), page.total());
  }

  /** A 32-byte word of a task as the Bytes32 scalar writes it. */
  private static Hash hash(Bytes word) {
    return Hash.wrap(word.toArray());
  }

  private static AiTasksContract.Task task(DataFetchingEnvironment env) {
    return env.<TaskView>getSource().task();
  }

  private static AiTasksContract.MinerResult result(DataFetchingEnvironment env) {
    return env.getSource();
  }
}
