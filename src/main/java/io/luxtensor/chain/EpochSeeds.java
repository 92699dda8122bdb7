package io.luxtensor.chain;

import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;

/**
 * The seed of an epoch's proposer schedule: the RANDAO mix as it stood at the end of epoch e-2, so the schedule of
 * epoch e is known throughout epoch e-1 (one epoch ahead) and no proposer of e-1 can still change it.
 */
final class EpochSeeds {
  private EpochSeeds() {}

  /** The seed of {@code epoch} on the branch that ends at {@code parent}. */
  static Hash seed(ChainReader chain, ChainParameters parameters, BlockHeader parent, long epoch) {
    if (epoch < 2) {
      return Hash.ZERO;
    }
    long firstSlotOfPreviousEpoch = (epoch - 1) * parameters.slotsPerEpoch();
    BlockHeader header = parent;
    while (header.number() > 0 && header.slot() >= firstSlotOfPreviousEpoch) {
      BlockHeader current = header;
      header = chain.header(current.parentHash()).orElseThrow(() -> new IllegalStateException(
          "missing ancestor " + current.parentHash() + " of block " + current.number()));
    }
    return header.randaoMix();
  }
}
