package io.luxtensor.api.graphql;

import graphql.schema.idl.RuntimeWiring;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.eth.GasPriceOracle;
import io.luxtensor.execution.FeeMarket;
import io.luxtensor.types.BlockHeader;
import java.math.BigInteger;

/**
 * {@code gasPrice} and {@code maxPriorityFeePerGas}, from the same oracle as eth_gasPrice and
 * eth_maxPriorityFeePerGas, so both APIs suggest the same fees.
 */
final class FeeFields implements FieldGroup {
  private final BlockchainQueries chain;
  private final GasPriceOracle oracle;
  private final Offload offload;
  private final BigInteger minBaseFee;

  FeeFields(BlockchainQueries chain, Offload offload, BigInteger minBaseFee) {
    this.chain = chain;
    this.oracle = new GasPriceOracle(chain);
    this.offload = offload;
    this.minBaseFee = minBaseFee;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Query", type -> type
        .dataFetcher("gasPrice", offload.fetcher(env -> nextBaseFee().add(oracle.suggestedTip())))
        .dataFetcher("maxPriorityFeePerGas", offload.fetcher(env -> oracle.suggestedTip())));
  }

  /** eth_gasPrice's legacy price: the next block's base fee plus the suggested tip. */
  private BigInteger nextBaseFee() {
    BlockHeader head = chain.latest();
    return FeeMarket.nextBaseFee(head.gasUsed(), head.gasLimit(), head.baseFeePerGas(), minBaseFee);
  }
}
