package io.luxtensor.api.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.parser.ParserOptions;
import io.luxtensor.txpool.TxPoolConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Parses and validates each query on the worker pool, within token and size bounds: that is CPU work the event
 * loop, where the HTTP handler calls graphql-java, must not do.
 */
final class WorkerParsing implements PreparsedDocumentProvider {
  /**
   * The largest explorer queries are a few hundred tokens. Validation (overlapping-field checks) grows faster than
   * linearly with the number of fields, so this bound, a third of graphql-java's default, caps its cost too.
   */
  static final int QUERY_TOKENS_MAX = 5_000;
  /** The pool's largest transaction written inline as hex (two characters a byte), with as much again to spare. */
  static final int QUERY_CHARACTERS_MAX = 2 * 2 * TxPoolConfig.TRANSACTION_SIZE_BYTES_MAX;

  private static final ParserOptions BOUNDED = ParserOptions.getDefaultOperationParserOptions()
      .transform(options -> options.maxTokens(QUERY_TOKENS_MAX).maxCharacters(QUERY_CHARACTERS_MAX));

  private final Executor workers;

  WorkerParsing(Executor workers) {
    this.workers = workers;
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    input.getGraphQLContext().put(ParserOptions.class, BOUNDED);
    return CompletableFuture.supplyAsync(() -> parseAndValidate.apply(input), workers);
  }
}
