package io.luxtensor.api.graphql;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.luxtensor.api.ActiveValidators;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.CallSimulator;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.execution.StatelessTransactionValidator;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.Executor;

/** Builds the GraphQL service: the classpath schema, every field's fetcher, the limits and the error handling. */
public final class LuxtensorGraphQl {

  /**
   * What the fields read and where they submit.
   *
   * @param chain reads of the chain
   * @param pool the transaction pool
   * @param simulator {@code call} and {@code estimateGas}
   * @param validator stateless transaction checks for {@code sendRawTransaction}
   * @param validators the active validator set, by block
   * @param minBaseFee the chain's base fee floor, for {@code nextBaseFeePerGas} and {@code gasPrice}
   */
  public record Sources(BlockchainQueries chain, PendingTransactions pool, CallSimulator simulator,
      StatelessTransactionValidator validator, ActiveValidators validators, BigInteger minBaseFee) {}

  private LuxtensorGraphQl() {}

  /** @param workers where storage reads, hashing, encoding, parsing and validation run */
  public static GraphQL create(Sources sources, GraphQlLimits limits, Executor workers) {
    return GraphQL.newGraphQL(schema(sources, limits, workers))
        .defaultDataFetcherExceptionHandler(new FailureErrors())
        .preparsedDocumentProvider(new WorkerParsing(workers))
        .instrumentation(new ChainedInstrumentation(List.of(
            new ExceptIntrospection(new MaxQueryDepthInstrumentation(limits.queryDepthMax())),
            new ExceptIntrospection(new MaxQueryComplexityInstrumentation(limits.queryComplexityMax(),
                new ResultSizeComplexity(limits.blocksRangeMax()))))))
        .build();
  }

  static GraphQLSchema schema(Sources sources, GraphQlLimits limits, Executor workers) {
    Offload offload = new Offload(workers);
    ChainViews views = new ChainViews(sources.chain());
    Calls calls = new Calls(sources.simulator());
    List<FieldGroup> groups = List.of(
        new QueryFields(views, sources.pool(), offload, limits.blocksRangeMax()),
        new MutationFields(sources.validator(), sources.pool(), offload),
        new BlockFields(views, calls, offload, sources.minBaseFee()),
        new TransactionFields(views, offload),
        new AccountFields(sources.chain(), sources.pool(), offload),
        new LogFields(views, offload, limits),
        new PendingFields(sources.chain(), sources.pool(), calls, offload),
        calls,
        new FeeFields(sources.chain(), offload, sources.minBaseFee()),
        new ConsensusFields(views, sources.validators(), offload),
        new AiNetworkFields(views, offload),
        new AiTaskFields(views, offload));
    RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
    EthereumScalars.all().forEach(wiring::scalar);
    groups.forEach(group -> group.wire(wiring));
    return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SchemaResource.text()), wiring.build());
  }
}
