package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/**
 * {@code eth_getCode(address, block)}: always {@code 0x} until a general EVM lands, since no account holds EVM code
 * (system contracts are native and answer calls without code).
 */
public final class EthGetCode implements JsonRpcMethod {
  private final BlockResolver blocks;

  public EthGetCode(BlockchainQueries chain) {
    this.blocks = new BlockResolver(chain);
  }

  @Override
  public String name() {
    return "eth_getCode";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    params.address(0, "address");
    blocks.require(params.block(1, "block", BlockParameter.LATEST));
    return "0x";
  }
}
