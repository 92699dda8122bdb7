/**
 * GraphQL at {@code /graphql} (EIP-1767 plus LuxTensor's extensions: consensus, the AI network's subnets and tasks),
 * served by Vert.x Web GraphQL.
 *
 * <p>The schema is the top-level {@code graphql/schema.graphqls}, read from the classpath. Parsing and validation
 * run on the API worker pool, and every field that reads storage, hashes or encodes is an asynchronous fetcher
 * completed there, so event loops only move bytes. Expected refusals are {@link GraphQlFailure}s that become
 * GraphQL errors with their message; query depth, complexity, block ranges and log results are bounded
 * ({@link GraphQlLimits}).
 *
 * <p>Shell: reads the chain through {@link io.luxtensor.api.BlockchainQueries} and changes it only by submitting
 * transactions to {@link io.luxtensor.api.PendingTransactions}.
 */
package io.luxtensor.api.graphql;
