package io.luxtensor.api.graphql;

/**
 * An expected refusal (a bad argument, a range over its limit, a transaction the pool refuses): it becomes a GraphQL
 * error carrying exactly this message, which clients may match on (Geth's wording for transactions).
 */
public final class GraphQlFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GraphQlFailure(String message) {
    super(message, null, false, false);
  }
}
