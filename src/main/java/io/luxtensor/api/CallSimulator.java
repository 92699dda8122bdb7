package io.luxtensor.api;

import io.luxtensor.execution.Message;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.state.StorageSlot;
import io.luxtensor.types.BlockHeader;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** Executes a message on a throwaway copy of a block's state (eth_call, eth_estimateGas). */
public interface CallSimulator {

  /**
   * Runs {@code message} as if it were the first transaction of the block after {@code header}.
   *
   * @param chargeBaseFee false when the caller gave no fee fields: the base fee is then taken as zero, as Geth does
   */
  TransactionResult simulate(Message message, BlockHeader header, boolean chargeBaseFee);

  /** Like {@link #simulate}, also reporting the storage slots the message read or wrote (eth_createAccessList). */
  Traced simulateTracingStorage(Message message, BlockHeader header, boolean chargeBaseFee);

  /**
   * @param result what the message did
   * @param accessedStorage every slot it read or wrote, reverted or not
   */
  record Traced(TransactionResult result, SortedSet<StorageSlot> accessedStorage) {
    public Traced {
      accessedStorage = Collections.unmodifiableSortedSet(new TreeSet<>(accessedStorage));
    }
  }
}
