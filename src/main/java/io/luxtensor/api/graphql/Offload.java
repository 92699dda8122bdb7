package io.luxtensor.api.graphql;

import graphql.schema.DataFetcher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Runs the fields that read storage, hash or encode on the API worker pool: graphql-java waits for the returned
 * futures without blocking, so an event loop never does that work.
 */
final class Offload {
  private final Executor workers;

  Offload(Executor workers) {
    this.workers = workers;
  }

  /** A fetcher that runs {@code blocking} on a worker. */
  <T> DataFetcher<CompletableFuture<T>> fetcher(DataFetcher<T> blocking) {
    return env -> CompletableFuture.supplyAsync(() -> {
      try {
        return blocking.get(env);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, workers);
  }
}
