package io.luxtensor.node;

import io.luxtensor.chain.Genesis;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.chain.ProducedBlock;
import io.luxtensor.consensus.FinalityState;
import io.luxtensor.execution.BlockExecution;
import io.luxtensor.storage.BatchNodeStore;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.WriteBatch;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import java.util.List;

/** Writes a genesis into an empty database, or checks that a database holds the chain of a genesis. */
public final class ChainInitializer {
  private ChainInitializer() {}

  /**
   * The genesis spec of the database: the stored one if the database is initialized, else {@code genesis} after
   * writing it.
   *
   * @param requireSameGenesis when true (init and start), a stored chain with another genesis hash is an error; when
   *     false (dev nodes, whose genesis carries the start time), the stored chain is reopened if its chain id matches
   */
  public static GenesisSpec initialize(ChainDatabase database, GenesisSpec genesis, boolean requireSameGenesis) {
    if (database.genesisHash().isEmpty()) {
      write(database, genesis);
      return genesis;
    }
    GenesisSpec stored = database.genesisSpec().orElseThrow(
        () -> new IllegalStateException("the database has a genesis hash but no genesis spec"));
    Hash storedHash = database.genesisHash().get();
    if (requireSameGenesis) {
      Hash expected = Genesis.of(genesis, new InMemoryNodeStore()).block().hash();
      if (!expected.equals(storedHash)) {
        throw new ConfigException("the database holds another chain (genesis " + storedHash + "), not the one of this "
            + "genesis file (" + expected + "): use another datadir");
      }
      // The block hash does not commit to the chain's rules: a genesis file that changes only the chain id or the
      // slot length has the same hash, and would otherwise be reported as initialized while the old rules stay.
      if (!stored.parameters().equals(genesis.parameters())) {
        throw new ConfigException("the database holds chain " + stored.parameters().chainId() + " with other rules "
            + "(" + stored.parameters() + ") than this genesis file (" + genesis.parameters() + "): use another datadir");
      }
    } else if (stored.parameters().chainId() != genesis.parameters().chainId()) {
      throw new ConfigException("the database holds chain " + stored.parameters().chainId() + ", not chain "
          + genesis.parameters().chainId() + ": use another datadir or the same --chain-id");
    }
    return stored;
  }

  private static void write(ChainDatabase database, GenesisSpec genesis) {
    try (WriteBatch batch = database.store().newBatch()) {
      Genesis.GenesisBlock block = Genesis.of(genesis, new BatchNodeStore(database.store(), batch));
      Hash hash = block.block().hash();
      database.writeHeadBlock(batch, new ProducedBlock(block.block(), new BlockExecution(List.of(), 0), block.state()),
          List.of());
      database.writeGenesis(batch, hash, genesis);
      database.writeFinality(batch, FinalityState.atGenesis(new Checkpoint(0, hash)));
      batch.commit();
    }
  }
}
