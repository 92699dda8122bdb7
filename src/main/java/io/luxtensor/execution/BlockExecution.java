package io.luxtensor.execution;

import io.luxtensor.types.Bloom;
import io.luxtensor.types.Receipt;
import java.util.List;

/**
 * The result of executing a block's transactions.
 *
 * @param transactions in order, with receipts
 * @param gasUsed the block's total
 */
public record BlockExecution(List<ExecutedTransaction> transactions, long gasUsed) {
  public BlockExecution {
    transactions = List.copyOf(transactions);
  }

  public List<Receipt> receipts() {
    return transactions.stream().map(ExecutedTransaction::receipt).toList();
  }

  /** The union of the receipts' blooms: the header's logsBloom. */
  public Bloom logsBloom() {
    return Bloom.union(receipts().stream().map(Receipt::logsBloom).toList());
  }
}
