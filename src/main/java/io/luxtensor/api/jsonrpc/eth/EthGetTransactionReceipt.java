package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.chain.TransactionLocation;
import io.luxtensor.types.Receipt;
import java.util.List;
import java.util.Optional;

/** {@code eth_getTransactionReceipt(hash)}: the receipt of an included transaction, or null. */
public final class EthGetTransactionReceipt implements JsonRpcMethod {
  private final BlockchainQueries chain;

  public EthGetTransactionReceipt(BlockchainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionReceipt";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    Optional<TransactionLocation> location = chain.transactionLocation(params.hash(0, "hash"));
    if (location.isEmpty()) {
      return null;
    }
    Optional<StoredBlock> block = chain.block(location.get().blockHash());
    Optional<List<Receipt>> receipts = chain.receipts(location.get().blockHash());
    if (block.isEmpty() || receipts.isEmpty()) {
      return null;
    }
    return JsonRpcResults.receipt(block.get(), receipts.get(), location.get().index());
  }
}
