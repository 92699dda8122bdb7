package io.luxtensor.execution;

import io.luxtensor.types.Receipt;
import io.luxtensor.types.RecoveredTransaction;

/**
 * A transaction as a block executed it.
 *
 * @param transaction the transaction and its sender
 * @param result gas, logs, return data, effective price
 * @param receipt the consensus receipt (cumulative gas, status, logs, bloom)
 */
public record ExecutedTransaction(RecoveredTransaction transaction, TransactionResult.Executed result, Receipt receipt) {}
