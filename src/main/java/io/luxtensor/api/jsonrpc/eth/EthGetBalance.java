package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;

/** {@code eth_getBalance(address, block)}: the balance in wei. */
public final class EthGetBalance implements JsonRpcMethod {
  private final BlockchainQueries chain;
  private final BlockResolver blocks;

  public EthGetBalance(BlockchainQueries chain) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
  }

  @Override
  public String name() {
    return "eth_getBalance";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    Address address = params.address(0, "address");
    BlockHeader header = blocks.require(params.block(1, "block", BlockParameter.LATEST));
    return JsonRpcResults.quantity(chain.state(header).account(address).balance().value());
  }
}
