package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.types.Address;

/** {@code eth_getTransactionCount(address, block)}: the nonce; with "pending", counting the pool's transactions. */
public final class EthGetTransactionCount implements JsonRpcMethod {
  private final BlockchainQueries chain;
  private final PendingTransactions pool;
  private final BlockResolver blocks;

  public EthGetTransactionCount(BlockchainQueries chain, PendingTransactions pool) {
    this.chain = chain;
    this.pool = pool;
    this.blocks = new BlockResolver(chain);
  }

  @Override
  public String name() {
    return "eth_getTransactionCount";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    Address address = params.address(0, "address");
    BlockParameter block = params.block(1, "block", BlockParameter.LATEST);
    if (block instanceof BlockParameter.ByTag tag && tag.tag() == BlockParameter.Tag.PENDING) {
      return JsonRpcResults.quantity(pool.nextNonce(address));
    }
    return JsonRpcResults.quantity(chain.state(blocks.require(block)).account(address).nonce());
  }
}
