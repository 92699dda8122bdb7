package io.luxtensor.api.jsonrpc.dev;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.api.DevControls;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/**
 * Hardhat's {@code evm_increaseTime(seconds)}: moves the dev chain's clock forward, so the next block's slot and
 * timestamp jump; answers the total offset in seconds, as Hardhat does.
 */
public final class EvmIncreaseTime implements JsonRpcMethod {
  /** Ten years: enough to test any time lock, small enough to keep slot arithmetic far from overflow. */
  static final long SECONDS_MAX = 10L * 365 * 24 * 3600;

  private final DevControls controls;

  public EvmIncreaseTime(DevControls controls) {
    this.controls = controls;
  }

  @Override
  public String name() {
    return "evm_increaseTime";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    JsonNode value = params.required(0, "seconds");
    long seconds = value.isIntegralNumber() ? value.asLong() : params.quantity(0, "seconds").longValue();
    if (seconds < 0 || seconds > SECONDS_MAX) {
      throw JsonRpcException.invalidParams("invalid argument 0 (seconds): must be in [0, " + SECONDS_MAX + "]");
    }
    return controls.increaseTime(seconds);
  }
}
