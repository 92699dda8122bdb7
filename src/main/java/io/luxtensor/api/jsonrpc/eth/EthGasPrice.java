package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.execution.FeeMarket;
import io.luxtensor.types.BlockHeader;
import java.math.BigInteger;

/** {@code eth_gasPrice}: the next block's base fee plus the suggested tip, a legacy price that gets included. */
public final class EthGasPrice implements JsonRpcMethod {
  private final BlockchainQueries chain;
  private final GasPriceOracle oracle;
  private final BigInteger minBaseFee;

  public EthGasPrice(BlockchainQueries chain, GasPriceOracle oracle, BigInteger minBaseFee) {
    this.chain = chain;
    this.oracle = oracle;
    this.minBaseFee = minBaseFee;
  }

  @Override
  public String name() {
    return "eth_gasPrice";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    BlockHeader head = chain.latest();
    BigInteger nextBaseFee = FeeMarket.nextBaseFee(head.gasUsed(), head.gasLimit(), head.baseFeePerGas(), minBaseFee);
    return JsonRpcResults.quantity(nextBaseFee.add(oracle.suggestedTip()));
  }
}
