package io.luxtensor.api.jsonrpc.dev;

import io.luxtensor.api.DevControls;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/** Hardhat's {@code evm_mine}: seals a block now (with whatever is pending) and answers "0x0". */
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
    controls.mine();
    return "0x0";
  }
}
