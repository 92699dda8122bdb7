package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.CallSimulator;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.types.BlockHeader;

/**
 * {@code eth_estimateGas(transaction, block)}: the gas the call uses. Execution here charges fixed costs (intrinsic
 * gas, system-contract prices) with no refunds, so the gas used at the limit is exactly what is needed: no search.
 */
public final class EthEstimateGas implements JsonRpcMethod {
  private final BlockResolver blocks;
  private final CallSimulator simulator;

  public EthEstimateGas(BlockchainQueries chain, CallSimulator simulator) {
    this.blocks = new BlockResolver(chain);
    this.simulator = simulator;
  }

  @Override
  public String name() {
    return "eth_estimateGas";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    BlockHeader header = blocks.require(params.block(1, "block", BlockParameter.LATEST));
    CallParameters call = CallParameters.parse(params, 0, header);
    var executed = SimulationResults.succeeded(simulator.simulate(call.message(), header, call.hasFeeFields()));
    return JsonRpcResults.quantity(executed.gasUsed());
  }
}
