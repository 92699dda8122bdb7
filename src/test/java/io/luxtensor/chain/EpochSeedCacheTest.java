package io.luxtensor.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.node.ChainService;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.KeyValueStore;
import io.luxtensor.testing.TestChains;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The remembered seeds are the walked ones, block after block across epochs, as import asks for them. */
class EpochSeedCacheTest {
  @Test
  void everySeedIsTheOneTheWalkFinds() throws Exception {
    ChainParameters parameters = TestChains.GENESIS.parameters();
    try (KeyValueStore store = TestChains.memoryStore(); ChainService validator = TestChains.validator(store)) {
      ChainDatabase database = new ChainDatabase(store);
      EpochSeedCache cache = new EpochSeedCache();
      TreeSet<Long> epochs = new TreeSet<>();
      TreeSet<Hash> seeds = new TreeSet<>();
      for (int i = 0; i < 300; i++) {
        BlockHeader parent = TestChains.seal(validator, List.of()).block().header();
        long nextEpoch = parameters.epochOf(parent.slot() + 1);
        for (long epoch = nextEpoch; epoch <= nextEpoch + 1; epoch++) {
          Hash walked = EpochSeeds.seed(database, parameters, parent, epoch);
          assertEquals(walked, cache.seed(database, parameters, parent, epoch), "block " + parent.number()
              + ", epoch " + epoch);
          epochs.add(epoch);
          seeds.add(walked);
        }
      }
      assertTrue(epochs.size() >= 4, "the chain crossed epochs: " + epochs);
      assertTrue(seeds.size() >= 3, "and their seeds differ: " + seeds.size());
    }
  }
}
