package io.luxtensor.chain;

import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link EpochSeeds#seed} remembered per branch, so importing block after block does not walk back through the
 * previous epoch's headers (up to an epoch of storage reads) for every one of them. A block in epoch e-1 or later has
 * the seed of its parent for epoch e, so the walk happens once per epoch and branch; the answer is the walk's, by
 * construction. Bounded; thread-safe.
 */
final class EpochSeedCache {
  /** A few epochs of several branches: far more than import and production need at once. */
  static final int ENTRIES_MAX = 1_024;

  private record Key(long epoch, Hash branchTip) {}

  private final Map<Key, Hash> seeds = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Hash> eldest) {
      return size() > ENTRIES_MAX;
    }
  };

  /** The seed of {@code epoch} on the branch that ends at {@code parent}. */
  synchronized Hash seed(ChainReader chain, ChainParameters parameters, BlockHeader parent, long epoch) {
    Key key = new Key(epoch, parent.hash());
    Hash known = seeds.get(key);
    if (known != null) {
      return known;
    }
    long firstSlotOfPreviousEpoch = (epoch - 1) * parameters.slotsPerEpoch();
    Hash inherited = epoch >= 2 && parent.number() > 0 && parent.slot() >= firstSlotOfPreviousEpoch
        ? seeds.get(new Key(epoch, parent.parentHash())) : null;
    Hash seed = inherited != null ? inherited : EpochSeeds.seed(chain, parameters, parent, epoch);
    seeds.put(key, seed);
    return seed;
  }
}
