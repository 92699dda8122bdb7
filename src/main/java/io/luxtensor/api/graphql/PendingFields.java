package io.luxtensor.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.PendingTransactions;
import java.util.Map;

/**
 * {@code Query.pending} and the Pending fields: the pool's executable transactions, and accounts and calls on the
 * head's state (there is no pending block), with nonces that count the pool's transactions.
 */
final class PendingFields implements FieldGroup {
  /** The Pending object has no data of its own: its fields read the pool and the head. */
  enum PendingState { INSTANCE }

  private final BlockchainQueries chain;
  private final PendingTransactions pool;
  private final Calls calls;
  private final Offload offload;

  PendingFields(BlockchainQueries chain, PendingTransactions pool, Calls calls, Offload offload) {
    this.chain = chain;
    this.pool = pool;
    this.calls = calls;
    this.offload = offload;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Query", type -> type.dataFetcher("pending", env -> PendingState.INSTANCE));
    wiring.type("Pending", type -> type
        .dataFetcher("transactionCount", offload.fetcher(env -> (long) pool.executable().size()))
        .dataFetcher("transactions", offload.fetcher(env -> pool.executable().stream()
            .map(p -> TransactionView.pending(p.transaction(), p.sender())).toList()))
        .dataFetcher("account", env -> new AccountView(env.getArgument("address"), chain.latest(), true))
        .dataFetcher("call", offload.fetcher(env -> calls.call(callData(env), chain.latest())))
        .dataFetcher("estimateGas", offload.fetcher(env -> calls.estimateGas(callData(env), chain.latest()))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> callData(DataFetchingEnvironment env) {
    return (Map<String, Object>) env.getArgument("data");
  }
}
