package io.luxtensor.chain;

import io.luxtensor.execution.BlockExecution;
import io.luxtensor.state.StateCommit;
import io.luxtensor.types.Block;

/**
 * A block built or imported, with what the shell needs to store it in one atomic batch.
 *
 * @param block the signed block
 * @param execution receipts and per-transaction results
 * @param state the state commit (its trie nodes already went to the node sink)
 */
public record ProducedBlock(Block block, BlockExecution execution, StateCommit state) {}
