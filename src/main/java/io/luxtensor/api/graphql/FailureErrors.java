package io.luxtensor.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import io.luxtensor.state.StateUnavailableException;
import io.luxtensor.trie.MissingTrieNodeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns a fetcher's exception into a GraphQL error: a {@link GraphQlFailure} keeps its message, as does state the
 * node does not hold (as JSON-RPC answers it); anything else is a bug, logged with its stack trace and answered as
 * "internal error", so no internals reach the client.
 */
final class FailureErrors implements DataFetcherExceptionHandler {
  private static final System.Logger LOG = System.getLogger(FailureErrors.class.getName());

  @Override
  public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
      DataFetcherExceptionHandlerParameters parameters) {
    Throwable exception = parameters.getException();
    while (exception instanceof CompletionException && exception.getCause() != null) {
      exception = exception.getCause();
    }
    String message = switch (exception) {
      case GraphQlFailure failure -> failure.getMessage();
      case StateUnavailableException unavailable -> unavailable.getMessage();
      case MissingTrieNodeException missing -> "state not available: " + missing.getMessage();
      default -> {
        LOG.log(System.Logger.Level.ERROR, "GraphQL field " + parameters.getPath() + " failed", exception);
        yield "internal error";
      }
    };
    GraphQLError error = GraphqlErrorBuilder.newError()
        .message("%s", message)
        .path(parameters.getPath())
        .location(parameters.getSourceLocation())
        .build();
    return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
  }
}
