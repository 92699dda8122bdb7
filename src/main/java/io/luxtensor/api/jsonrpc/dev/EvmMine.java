package io.luxtensor.api.jsonrpc.dev;

import io.luxtensor.api.DevControls;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/**
 * Hardhat's {@code evm_mine}: seals a block now (with whatever is pending) and answers "0x0"; if the validator's
 * slashing protection refuses to sign, answers -32000 with the reason.
 */
public final class EvmMine implements JsonRpcMethod {
  private final DevControls controls;

  public EvmMine(DevControls controls) {
    this.controls = controls;
  }

  @Override
  public String name() {
    return "evm_mine";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    if (controls.mine() instanceof DevControls.Mined.Refused refused) {
      throw new JsonRpcException(JsonRpcError.SERVER_ERROR, refused.reason());
    }
    return "0x0";
  }
}
