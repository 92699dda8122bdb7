package io.luxtensor.execution;

import io.luxtensor.state.WorldState;
import io.luxtensor.types.IntrinsicGas;
import io.luxtensor.types.Receipt;
import io.luxtensor.types.RecoveredTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Executes the transactions of a block, all of them when importing, those that fit when building, then what the
 * system contracts do as the block closes.
 */
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
    processor.closeBlock(state, block);
    return accumulator.result();
  }

  /**
   * Builds a block's transaction list from {@code candidates}: each that executes is included and accepted; each that
   * cannot is skipped with its reason and leaves the state as it was. Stops when the candidates run out or the block
   * cannot fit even the cheapest transfer.
   */
  public BlockExecution build(WorldState state, BlockContext block, CandidateTransactions candidates) {
    Accumulator accumulator = new Accumulator(block.gasLimit());
    while (accumulator.gasRemaining() >= IntrinsicGas.TRANSFER) {
      Optional<RecoveredTransaction> next = candidates.peek();
      if (next.isEmpty()) {
        break;
      }
      RecoveredTransaction tx = next.get();
      TransactionResult result = processor.apply(state, block, Message.of(tx.transaction(), tx.sender()),
          accumulator.gasRemaining());
      switch (result) {
        case TransactionResult.Executed executed -> {
          accumulator.add(tx, executed);
          candidates.accept();
        }
        case TransactionResult.Invalid invalid -> candidates.skipSender(invalid);
      }
    }
    processor.closeBlock(state, block);
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
