package io.luxtensor.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Query fields that find blocks, transactions and accounts, plus chainID and syncing. */
final class QueryFields implements FieldGroup {
  private final ChainViews views;
  private final PendingTransactions pool;
  private final Offload offload;
  private final int blocksRangeMax;

  QueryFields(ChainViews views, PendingTransactions pool, Offload offload, int blocksRangeMax) {
    this.views = views;
    this.pool = pool;
    this.offload = offload;
    this.blocksRangeMax = blocksRangeMax;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Query", type -> type
        .dataFetcher("block", offload.fetcher(this::block))
        .dataFetcher("blocks", offload.fetcher(this::blocks))
        .dataFetcher("transaction", offload.fetcher(this::transaction))
        .dataFetcher("account", offload.fetcher(this::account))
        .dataFetcher("chainID", env -> BigInteger.valueOf(views.chain().chainId()))
        // A single node is always at its own head, as eth_syncing answers false.
        .dataFetcher("syncing", env -> null));
  }

  private BlockView block(DataFetchingEnvironment env) {
    Long number = env.getArgument("number");
    Hash hash = env.getArgument("hash");
    if (number != null && hash != null) {
      throw new GraphQlFailure("only one of number or hash must be specified");
    }
    if (hash != null) {
      return views.byHash(hash).orElse(null);
    }
    if (number != null) {
      return views.byNumber(number).orElse(null);
    }
    return views.of(views.chain().latest());
  }

  private List<BlockView> blocks(DataFetchingEnvironment env) {
    Long from = env.getArgument("from");
    if (from == null) {
      throw new GraphQlFailure("from block number must be specified");
    }
    long head = views.chain().latest().number();
    Long requestedTo = env.getArgument("to");
    long to = requestedTo == null ? head : requestedTo;
    if (to < from) {
      return List.of();
    }
    if (to - from >= blocksRangeMax) {
      throw new GraphQlFailure("blocks range too large: " + Long.toUnsignedString(to - from + 1)
          + " blocks requested, at most " + blocksRangeMax);
    }
    List<BlockView> blocks = new ArrayList<>();
    for (long number = from; number <= Math.min(to, head); number++) {
      Optional<BlockView> block = views.byNumber(number);
      if (block.isEmpty()) {
        break;
      }
      blocks.add(block.get());
    }
    return blocks;
  }

  private TransactionView transaction(DataFetchingEnvironment env) {
    Hash hash = env.getArgument("hash");
    return views.included(hash)
        .or(() -> pool.pending(hash).map(p -> TransactionView.pending(p.transaction(), p.sender())))
        .orElse(null);
  }

  private AccountView account(DataFetchingEnvironment env) {
    Address address = env.getArgument("address");
    return new AccountView(address, views.headerAt(env.getArgument("block")), false);
  }
}
