package io.luxtensor.txpool;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What the pool needs of the chain: the accounts at the head, and the base fee and gas limit of the next block,
 * which is the block the pool fills.
 *
 * @param accounts the accounts at the head
 * @param baseFeePerGas the next block's base fee (EIP-1559): the floor a transaction's fee cap must reach to be
 *     accepted, and the base fee its effective tip is ranked at for eviction
 * @param gasLimit the next block's gas limit: a transaction needing more can never be included
 */
public record ChainHead(AccountState accounts, BigInteger baseFeePerGas, long gasLimit) {
  public ChainHead {
    Objects.requireNonNull(accounts, "accounts");
    if (baseFeePerGas.signum() < 0) {
      throw new IllegalArgumentException("base fee must not be negative: " + baseFeePerGas);
    }
    if (gasLimit <= 0) {
      throw new IllegalArgumentException("block gas limit must be positive: " + gasLimit);
    }
  }
}
