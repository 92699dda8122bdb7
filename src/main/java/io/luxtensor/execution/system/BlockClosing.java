package io.luxtensor.execution.system;

import io.luxtensor.execution.BlockContext;
import io.luxtensor.state.WorldState;

/** A system contract that also acts as every block closes, after its last transaction. */
public interface BlockClosing {
  /** Applies to {@code state} what the contract does at the end of {@code block}. */
  void closeBlock(WorldState state, BlockContext block);
}
