package io.luxtensor.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.execution.StatelessTransactionValidator;
import io.luxtensor.execution.TransactionValidity;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.TransactionDecodingException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code sendRawTransaction(data)}: decodes, checks what needs no state (signature, chain id, fees, intrinsic gas)
 * on a worker, and hands the transaction to the pool. Refusals are GraphQL errors with Geth's messages.
 */
final class MutationFields implements FieldGroup {
  /**
   * GraphQL-context key set by the HTTP endpoint on GET requests, which must not change state (GraphQL over HTTP):
   * otherwise any page could replay a signed transaction through a link.
   */
  static final String READ_ONLY_REQUEST = "luxtensor.readOnlyRequest";
  /** How long to wait for the pool's verdict (it answers in microseconds); the same bound as JSON-RPC's. */
  static final long POOL_TIMEOUT_MILLIS_MAX = 10_000;

  private final StatelessTransactionValidator validator;
  private final PendingTransactions pool;
  private final Offload offload;

  MutationFields(StatelessTransactionValidator validator, PendingTransactions pool, Offload offload) {
    this.validator = validator;
    this.pool = pool;
    this.offload = offload;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Mutation", type -> type.dataFetcher("sendRawTransaction", offload.fetcher(this::send)));
  }

  private Hash send(DataFetchingEnvironment env) {
    if (Boolean.TRUE.equals(env.getGraphQlContext().get(READ_ONLY_REQUEST))) {
      throw new GraphQlFailure("mutations must be sent with POST");
    }
    Bytes data = env.getArgument("data");
    Transaction tx;
    try {
      tx = Transaction.decode(data.toArray());
    } catch (TransactionDecodingException e) {
      throw new GraphQlFailure("invalid transaction: " + e.getMessage());
    }
    RecoveredTransaction recovered = switch (validator.validate(tx)) {
      case TransactionValidity.Invalid invalid -> throw new GraphQlFailure(invalid.message());
      case TransactionValidity.Valid valid -> new RecoveredTransaction(tx, valid.sender());
    };
    PendingTransactions.Submission submission;
    try {
      submission = pool.submit(recovered).get(POOL_TIMEOUT_MILLIS_MAX, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraphQlFailure("interrupted while submitting");
    } catch (ExecutionException | TimeoutException e) {
      throw new GraphQlFailure("the transaction pool did not answer: " + e.getMessage());
    }
    return switch (submission) {
      case PendingTransactions.Submission.Accepted accepted -> accepted.hash();
      case PendingTransactions.Submission.Rejected rejected -> throw new GraphQlFailure(rejected.message());
    };
  }
}
