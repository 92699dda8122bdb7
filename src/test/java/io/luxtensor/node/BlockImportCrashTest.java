package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.storage.StorageConfig;
import io.luxtensor.storage.StorageEngine;
import io.luxtensor.testing.crash.CrashHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 while a child JVM seals and commits blocks, {@value #KILLS} times on RocksDB (MapDB on disk is refused: see KeyValueStores): after every kill the
 * node's database opens, its head is at or past the last block it acknowledged, no block up to the head is missing,
 * and replaying the chain from genesis reproduces the head's state root (BlockImportWorkload#verify). Set
 * {@code -Dluxtensor.crash.seed=N} to replay a failure's kill schedule.
 */
class BlockImportCrashTest {
  private static final int KILLS = 20;
  /** Blocks per run at most: a run commits tens of blocks a second, and each verify replays the whole chain. */
  private static final int ACKNOWLEDGEMENTS_PER_KILL_MAX = 25;

  @TempDir
  Path directory;

  @ParameterizedTest
  @EnumSource(value = StorageEngine.class, names = {"ROCKSDB"})
  void everyAcknowledgedBlockSurvivesKill9(StorageEngine engine) throws Exception {
    StorageConfig config = StorageConfig.persistent(engine, directory.resolve("db"));
    long seed = Long.getLong("luxtensor.crash.seed", System.nanoTime());
    CrashHarness.Outcome outcome = new CrashHarness(config, BlockImportWorkload.class, directory)
        .run(seed, KILLS, ACKNOWLEDGEMENTS_PER_KILL_MAX);
    assertEquals(KILLS, outcome.kills());
    assertTrue(outcome.lastAcknowledged() >= KILLS, "each run acknowledges at least one block");
  }
}
