package io.luxtensor.chain;

import io.luxtensor.state.WorldState;
import io.luxtensor.types.BlockHeader;

/** What a chain does to its state before the first transaction of a block: at epoch boundaries, rotation. */
@FunctionalInterface
public interface EpochBoundary {
  /** A chain whose validators never change. */
  EpochBoundary NONE = (state, parent, slot) -> { };

  /** Applies the epoch boundaries between {@code parent}'s slot and {@code slot} to {@code state}. */
  void beforeBlock(WorldState state, BlockHeader parent, long slot);
}
