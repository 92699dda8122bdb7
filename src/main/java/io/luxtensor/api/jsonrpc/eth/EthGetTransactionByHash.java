package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.chain.TransactionLocation;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import java.util.Optional;

/** {@code eth_getTransactionByHash(hash)}: an included or pending transaction, or null. */
public final class EthGetTransactionByHash implements JsonRpcMethod {
  private final BlockchainQueries chain;
  private final PendingTransactions pool;

  public EthGetTransactionByHash(BlockchainQueries chain, PendingTransactions pool) {
    this.chain = chain;
    this.pool = pool;
  }

  @Override
  public String name() {
    return "eth_getTransactionByHash";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    Hash hash = params.hash(0, "hash");
    Optional<TransactionLocation> location = chain.transactionLocation(hash);
    if (location.isPresent()) {
      Optional<StoredBlock> block = chain.block(location.get().blockHash());
      if (block.isPresent()) {
        int index = location.get().index();
        return JsonRpcResults.transaction(block.get().block().transactions().get(index),
            block.get().senders().get(index), block.get().block().header(), index);
      }
    }
    Optional<RecoveredTransaction> pending = pool.pending(hash);
    return pending.map(p -> JsonRpcResults.transaction(p.transaction(), p.sender(), null, 0)).orElse(null);
  }
}
