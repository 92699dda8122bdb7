package io.luxtensor.api;

import io.luxtensor.execution.Message;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.types.BlockHeader;

/** Executes a message on a throwaway copy of a block's state (eth_call, eth_estimateGas). */
public interface CallSimulator {

  /**
   * Runs {@code message} as if it were the first transaction of the block after {@code header}.
   *
   * @param chargeBaseFee false when the caller gave no fee fields: the base fee is then taken as zero, as Geth does
   */
  TransactionResult simulate(Message message, BlockHeader header, boolean chargeBaseFee);
}
