package io.luxtensor.chain;

import io.luxtensor.execution.BlockExecution;
import io.luxtensor.state.StateCommit;
import io.luxtensor.types.Block;
import io.luxtensor.types.Receipt;
import java.util.List;

/**
 * A block built or imported, with what the shell needs to store it in one atomic batch.
 *
 * @param block the signed block
 * @param execution receipts and per-transaction results
 * @param state the state commit (its trie nodes already went to the node sink)
 * @param encodedReceipts the execution's receipts encoded, as the receipts root hashed them and storage keeps them;
 *     nobody may modify the arrays
 */
public record ProducedBlock(Block block, BlockExecution execution, StateCommit state, List<byte[]> encodedReceipts) {
  public ProducedBlock {
    encodedReceipts = List.copyOf(encodedReceipts);
  }

  /** A block whose receipts are encoded here. */
  public ProducedBlock(Block block, BlockExecution execution, StateCommit state) {
    this(block, execution, state, encode(execution));
  }

  /** The execution's receipts, each encoded once for both its root and its storage. */
  static List<byte[]> encode(BlockExecution execution) {
    return execution.receipts().stream().map(Receipt::encode).toList();
  }
}
