package io.luxtensor.api.graphql;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Applies a depth or complexity limit to every operation except pure introspection ({@code __schema},
 * {@code __type} at the top): the introspection query every GraphQL tool sends nests 13 levels and lists every type,
 * and graphql-java bounds it on its own (GoodFaithIntrospection: 500 fields, depth 20). It reads no chain data.
 */
final class ExceptIntrospection implements Instrumentation {
  private final Instrumentation limit;

  /** @param limit an instrumentation that checks in beginExecuteOperation (MaxQueryDepth, MaxQueryComplexity) */
  ExceptIntrospection(Instrumentation limit) {
    this.limit = limit;
  }

  @Override
  public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
    return limit.createStateAsync(parameters);
  }

  @Override
  public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
      InstrumentationState state) {
    return limit.beginValidation(parameters, state);
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    if (introspectionOnly(parameters.getExecutionContext().getOperationDefinition())) {
      return SimpleInstrumentationContext.noOp();
    }
    return limit.beginExecuteOperation(parameters, state);
  }

  private static boolean introspectionOnly(OperationDefinition operation) {
    return operation.getSelectionSet().getSelections().stream()
        .allMatch(selection -> selection instanceof Field field && field.getName().startsWith("__"));
  }
}
