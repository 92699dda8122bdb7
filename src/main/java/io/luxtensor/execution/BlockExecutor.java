package io.luxtensor.execution;

import io.luxtensor.state.WorldState;
import io.luxtensor.types.IntrinsicGas;
import io.luxtensor.types.Receipt;
import io.luxtensor.types.RecoveredTransaction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;

/** Executes the transactions of a block: all of them when importing, those that fit when building. */
public final class BlockExecutor {
  private final TransactionProcessor processor;

  public BlockExecutor(TransactionProcessor processor) {
    this.processor = processor;
  }

  /**
   * Executes a received block's transactions in order.
   *
   * @throws InvalidBlockTransactionException if one cannot execute, which makes the block invalid
   */
  public BlockExecution execute(WorldState state, BlockContext block, List<RecoveredTransaction> transactions)
      throws InvalidBlockTransactionException {
    Accumulator accumulator = new Accumulator(block.gasLimit());
    for (int i = 0; i < transactions.size(); i++) {
      RecoveredTransaction tx = transactions.get(i);
      TransactionResult result = processor.apply(state, block, Message.of(tx.transaction(), tx.sender()),
          accumulator.gasRemaining());
      switch (result) {
        case TransactionResult.Executed executed -> accumulator.add(tx, executed);
        case TransactionResult.Invalid invalid -> throw new InvalidBlockTransactionException(i, invalid);
      }
    }
    return accumulator.result();
  }

  /**
   * Builds a block's transaction list from {@code candidates} (best first): each that executes is included, each that
   * does not is passed to {@code skipped} with the reason and leaves the state as it was. Stops when the block cannot
   * fit even the cheapest transfer.
   */
  public BlockExecution build(WorldState state, BlockContext block, Iterator<RecoveredTransaction> candidates,
      BiConsumer<RecoveredTransaction, TransactionResult.Invalid> skipped) {
    Accumulator accumulator = new Accumulator(block.gasLimit());
    while (candidates.hasNext() && accumulator.gasRemaining() >= IntrinsicGas.TRANSFER) {
      RecoveredTransaction tx = candidates.next();
      TransactionResult result = processor.apply(state, block, Message.of(tx.transaction(), tx.sender()),
          accumulator.gasRemaining());
      switch (result) {
        case TransactionResult.Executed executed -> accumulator.add(tx, executed);
        case TransactionResult.Invalid invalid -> skipped.accept(tx, invalid);
      }
    }
    return accumulator.result();
  }

  /** Running totals while a block executes. */
  private static final class Accumulator {
    private final long gasLimit;
    private final List<ExecutedTransaction> executed = new ArrayList<>();
    private long gasUsed;

    Accumulator(long gasLimit) {
      this.gasLimit = gasLimit;
    }

    long gasRemaining() {
      return gasLimit - gasUsed;
    }

    void add(RecoveredTransaction tx, TransactionResult.Executed result) {
      gasUsed += result.gasUsed();
      Receipt receipt = Receipt.of(tx.transaction().type(), result.succeeded(), gasUsed, result.logs());
      executed.add(new ExecutedTransaction(tx, result, receipt));
    }

    BlockExecution result() {
      return new BlockExecution(executed, gasUsed);
    }
  }
}
