package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.CallSimulator;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.bytes.Hex;
import io.luxtensor.types.BlockHeader;

/** {@code eth_call(transaction, block)}: runs a call on the block's state and returns its output. */
public final class EthCall implements JsonRpcMethod {
  private final BlockResolver blocks;
  private final CallSimulator simulator;

  public EthCall(BlockchainQueries chain, CallSimulator simulator) {
    this.blocks = new BlockResolver(chain);
    this.simulator = simulator;
  }

  @Override
  public String name() {
    return "eth_call";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    BlockHeader header = blocks.require(params.block(1, "block", BlockParameter.LATEST));
    CallParameters call = CallParameters.parse(params, 0, header);
    var executed = SimulationResults.succeeded(simulator.simulate(call.message(), header, call.hasFeeFields()));
    return Hex.encode(executed.returnData());
  }
}
