package io.luxtensor.consensus;

import io.luxtensor.types.Checkpoint;
import java.util.Objects;

/**
 * The latest justified and finalized checkpoints (eth's "safe" and "finalized" blocks).
 *
 * @param justified supported by votes of two thirds of the stake
 * @param finalized justified, and its successor justified from it: never reverted
 */
public record FinalityState(Checkpoint justified, Checkpoint finalized) {
  public FinalityState {
    Objects.requireNonNull(justified, "justified");
    Objects.requireNonNull(finalized, "finalized");
  }

  /** The state of a fresh chain: its genesis is justified and final. */
  public static FinalityState atGenesis(Checkpoint genesis) {
    return new FinalityState(genesis, genesis);
  }
}
