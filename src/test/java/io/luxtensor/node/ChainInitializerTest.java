package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.ChainParameters;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.InactivityParameters;
import io.luxtensor.consensus.StakingParameters;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.KeyValueStore;
import io.luxtensor.storage.KeyValueStores;
import io.luxtensor.storage.StorageConfig;
import org.junit.jupiter.api.Test;

/** A data directory keeps the chain it was initialized with; another genesis is refused, never half-applied. */
class ChainInitializerTest {
  private static final GenesisSpec DEV = genesis(DevChain.CHAIN_ID, 1);

  @Test
  void theSameGenesisAgainReopensTheChain() {
    try (KeyValueStore store = KeyValueStores.open(StorageConfig.memory())) {
      ChainDatabase database = new ChainDatabase(store);
      assertEquals(DEV, ChainInitializer.initialize(database, DEV, true));
      assertEquals(DEV, ChainInitializer.initialize(database, DEV, true));
    }
  }

  @Test
  void anotherChainIdIsRefusedThoughTheGenesisBlockHashIsTheSame() {
    try (KeyValueStore store = KeyValueStores.open(StorageConfig.memory())) {
      ChainDatabase database = new ChainDatabase(store);
      ChainInitializer.initialize(database, DEV, true);
      ConfigException refused = assertThrows(ConfigException.class,
          () -> ChainInitializer.initialize(database, genesis(31338, 1), true));
      assertTrue(refused.getMessage().startsWith("the database holds chain 31337 with other rules"),
          refused.getMessage());
      assertEquals(DEV, database.genesisSpec().orElseThrow(), "the stored chain is untouched");
    }
  }

  @Test
  void otherStakingRulesAreRefusedThoughTheGenesisBlockHashIsTheSame() {
    ChainParameters p = DEV.parameters();
    StakingParameters longerGrace = new StakingParameters(StakingParameters.DEFAULT.rotation(),
        StakingParameters.DEFAULT.slashing(), StakingParameters.DEFAULT.rewards(), new InactivityParameters(512, 10));
    GenesisSpec otherRules = new GenesisSpec(new ChainParameters(p.chainId(), p.genesisTimeMillis(), p.slotMillis(),
        p.slotsPerEpoch(), p.minBaseFeePerGas(), longerGrace), DEV.gasLimit(), DEV.baseFeePerGas(), DEV.extraData(),
        DEV.alloc(), DEV.validators());
    try (KeyValueStore store = KeyValueStores.open(StorageConfig.memory())) {
      ChainDatabase database = new ChainDatabase(store);
      ChainInitializer.initialize(database, DEV, true);

      ConfigException refused = assertThrows(ConfigException.class,
          () -> ChainInitializer.initialize(database, otherRules, true));

      assertTrue(refused.getMessage().startsWith("the database holds chain 31337 with other rules"),
          refused.getMessage());
      assertTrue(refused.getMessage().contains("graceEpochs=512"), refused.getMessage());
      assertEquals(DEV, database.genesisSpec().orElseThrow(), "the stored chain and its rules are untouched");
    }
  }

  @Test
  void anotherAllocationIsAnotherChain() {
    try (KeyValueStore store = KeyValueStores.open(StorageConfig.memory())) {
      ChainDatabase database = new ChainDatabase(store);
      ChainInitializer.initialize(database, DEV, true);
      ConfigException refused = assertThrows(ConfigException.class,
          () -> ChainInitializer.initialize(database, genesis(DevChain.CHAIN_ID, 2), true));
      assertTrue(refused.getMessage().startsWith("the database holds another chain (genesis "), refused.getMessage());
    }
  }

  private static GenesisSpec genesis(long chainId, int accounts) {
    return DevChain.genesis(new DevChain.Settings(chainId, accounts, DevChain.BALANCE_DEFAULT, 0, 1_700_000_000L));
  }
}
