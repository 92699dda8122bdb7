package io.luxtensor.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.Secp256k1;
import io.luxtensor.state.Account;
import io.luxtensor.types.Hash;

/**
 * EIP-1767's Account fields, read from the state after the view's block (a snapshot: readers never lock). Code is
 * always empty: system contracts are native, and user contracts arrive with the EVM (as eth_getCode answers "0x").
 */
final class AccountFields implements FieldGroup {
  private final BlockchainQueries chain;
  private final PendingTransactions pool;
  private final Offload offload;

  AccountFields(BlockchainQueries chain, PendingTransactions pool, Offload offload) {
    this.chain = chain;
    this.pool = pool;
    this.offload = offload;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Account", type -> type
        .dataFetcher("address", env -> view(env).address())
        .dataFetcher("balance", offload.fetcher(env -> account(env).balance()))
        .dataFetcher("transactionCount", offload.fetcher(this::transactionCount))
        .dataFetcher("code", env -> Bytes.EMPTY)
        .dataFetcher("storage", offload.fetcher(this::storage)));
  }

  private static AccountView view(DataFetchingEnvironment env) {
    return env.getSource();
  }

  private Account account(DataFetchingEnvironment env) {
    AccountView view = view(env);
    return chain.state(view.at()).account(view.address());
  }

  /** In the pending state, the nonce after the sender's pooled transactions, as eth_getTransactionCount "pending". */
  private long transactionCount(DataFetchingEnvironment env) {
    AccountView view = view(env);
    return view.pending() ? pool.nextNonce(view.address()) : account(env).nonce();
  }

  private Hash storage(DataFetchingEnvironment env) {
    AccountView view = view(env);
    Hash slot = env.getArgument("slot");
    return Hash.wrap(Secp256k1.toBytes32(chain.state(view.at()).storage(view.address(), slot)));
  }
}
