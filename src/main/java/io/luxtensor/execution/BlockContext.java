package io.luxtensor.execution;

import io.luxtensor.types.Address;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What a transaction sees of the block it executes in.
 *
 * @param chainId the chain's id
 * @param number block number
 * @param slot consensus slot of the block
 * @param timestamp seconds since the epoch
 * @param proposer receives priority fees
 * @param baseFeePerGas EIP-1559 base fee, burned
 * @param gasLimit the block's gas limit
 */
public record BlockContext(
    long chainId, long number, long slot, long timestamp, Address proposer, BigInteger baseFeePerGas, long gasLimit) {
  public BlockContext {
    Objects.requireNonNull(proposer, "proposer");
    Objects.requireNonNull(baseFeePerGas, "baseFeePerGas");
  }
}
