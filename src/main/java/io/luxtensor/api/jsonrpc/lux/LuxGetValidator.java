package io.luxtensor.api.jsonrpc.lux;

import io.luxtensor.api.ActiveValidators;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.types.Address;

/**
 * {@code lux_getValidator(address, block)}: one active validator as {@code lux_getValidators} lists it, or null if
 * the address is not an active validator. The block must exist; its state decides who is active.
 */
public final class LuxGetValidator implements JsonRpcMethod {
  private final BlockResolver blocks;
  private final ActiveValidators validators;

  public LuxGetValidator(BlockchainQueries chain, ActiveValidators validators) {
    this.blocks = new BlockResolver(chain);
    this.validators = validators;
  }

  @Override
  public String name() {
    return "lux_getValidator";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    Address address = params.address(0, "address");
    return validators.at(blocks.require(params.block(1, "block", BlockParameter.LATEST))).find(address)
        .map(LuxGetValidators::encode).orElse(null);
  }
}
