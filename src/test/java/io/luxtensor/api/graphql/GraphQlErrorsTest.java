package io.luxtensor.api.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import io.luxtensor.api.BlockchainQueries;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fetcher's expected refusal keeps its message; anything else is "internal error", with no internals shown. */
class GraphQlErrorsTest {
  /** A chain whose storage is broken: every read fails as a bug would. */
  private final BlockchainQueries broken = (BlockchainQueries) Proxy.newProxyInstance(
      BlockchainQueries.class.getClassLoader(), new Class<?>[] {BlockchainQueries.class}, (proxy, method, args) -> {
        throw new IllegalStateException("column family 'headers' is corrupt at /var/lib/luxtensor");
      });
  private final GraphQL graphQl = LuxtensorGraphQl.create(
      new LuxtensorGraphQl.Sources(broken, null, null, null, null, null), GraphQlLimits.defaults(), Runnable::run);

  @Test
  void anUnexpectedFailureIsAnInternalErrorWithItsPath() {
    ExecutionResult result = graphQl.execute("{ block(number: 1) { number } }");
    assertEquals(1, result.getErrors().size());
    GraphQLError error = result.getErrors().get(0);
    assertEquals("internal error", error.getMessage());
    assertEquals(List.of("block"), error.getPath());
    assertFalse(result.toSpecification().toString().contains("corrupt"), "no internals reach the client");
  }

  @Test
  void aRefusalKeepsItsMessage() {
    ExecutionResult result = graphQl.execute("{ blocks { number } }");
    assertEquals("from block number must be specified", result.getErrors().get(0).getMessage());
    assertEquals(List.of("blocks"), result.getErrors().get(0).getPath());
  }
}
