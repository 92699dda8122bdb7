package io.luxtensor.api.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import io.luxtensor.api.AiTaskQuery;

/**
 * Estimates how much a query returns, for {@link graphql.analysis.MaxQueryComplexityInstrumentation}: a field costs
 * 1 plus its children's cost times how many items it returns, which is the requested range for {@code blocks}, the
 * requested page for {@code tasks}, and {@link #LIST_ITEMS_ESTIMATE} for other lists (transactions, logs,
 * validators), whose length depends on the data.
 */
final class ResultSizeComplexity implements FieldComplexityCalculator {
  /** A typical block's transactions or logs: enough to make lists of lists expensive, not so many that one is. */
  static final int LIST_ITEMS_ESTIMATE = 10;

  private final int blocksRangeMax;

  ResultSizeComplexity(int blocksRangeMax) {
    this.blocksRangeMax = blocksRangeMax;
  }

  @Override
  public int calculate(FieldComplexityEnvironment env, int childComplexity) {
    long items = items(env);
    return (int) Math.min(Integer.MAX_VALUE, 1 + Math.max(childComplexity, 0) * items);
  }

  private long items(FieldComplexityEnvironment env) {
    if (env.getParentType().getName().equals("Query") && env.getField().getName().equals("blocks")) {
      return blocksRequested(env.getArguments().get("from"), env.getArguments().get("to"));
    }
    if (env.getParentType().getName().equals("TaskPage") && env.getField().getName().equals("tasks")) {
      return tasksRequested(env.getParentEnvironment().getArguments().get("limit"));
    }
    if (GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()) instanceof GraphQLList) {
      return LIST_ITEMS_ESTIMATE;
    }
    return 1;
  }

  /** The range asked for; a range to the head, whose length is unknown here, counts as the longest allowed. */
  private long blocksRequested(Object from, Object to) {
    if (from instanceof Long first && to instanceof Long last) {
      return Math.max(1, Math.min(blocksRangeMax, last - first + 1));
    }
    return blocksRangeMax;
  }

  /** The page asked for; without a limit, the default, which is the largest. */
  private static long tasksRequested(Object limit) {
    if (limit instanceof Long requested) {
      return Math.max(1, Math.min(AiTaskQuery.LIMIT_MAX, requested));
    }
    return AiTaskQuery.LIMIT_MAX;
  }
}
