package io.luxtensor.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Engine names, configuration checks, and how the storage limits relate. */
class StorageConfigTest {

  @Test
  void enginesAreNamedInConfigurationByTheirLowerCaseName() {
    assertEquals(List.of("memory", "rocksdb", "mapdb"),
        Arrays.stream(StorageEngine.values()).map(StorageEngine::configName).toList());
    for (StorageEngine engine : StorageEngine.values()) {
      assertEquals(engine, StorageEngine.fromConfigName(engine.configName()));
    }
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> StorageEngine.fromConfigName("RocksDB"));
    assertEquals("unknown storage engine \"RocksDB\"; choose one of memory, rocksdb, mapdb", unknown.getMessage());
  }

  @Test
  void columnsHaveDistinctStorageNames() {
    assertEquals(Column.values().length,
        Arrays.stream(Column.values()).map(Column::storageName).distinct().count());
    assertEquals("trie_nodes", Column.TRIE_NODES.storageName());
  }

  @Test
  void aPersistentEngineNeedsADirectoryAndMemoryRefusesOne() {
    assertFalse(StorageConfig.memory().engine().persistent());
    assertThrows(IllegalArgumentException.class, () -> StorageConfig.persistent(StorageEngine.ROCKSDB, null));
    assertThrows(IllegalArgumentException.class,
        () -> new StorageConfig(StorageEngine.MEMORY, Path.of("db"), false, 0, StorageConfig.ARCHIVE));
    StorageConfig config = StorageConfig.persistent(StorageEngine.ROCKSDB, Path.of("db"));
    assertFalse(config.syncWrites());
    assertTrue(config.withSyncWrites(true).syncWrites());
    assertEquals(StorageConfig.BLOCK_CACHE_BYTES_DEFAULT, config.blockCacheBytes());
  }

  @Test
  void onlyTheInMemoryEngineKeepsAStateHistory() {
    assertEquals(StorageConfig.ARCHIVE, StorageConfig.memory().stateHistory());
    assertEquals(128, StorageConfig.memory().withStateHistory(128).stateHistory());
    assertEquals("state history of -1 blocks; 0 keeps every state", assertThrows(IllegalArgumentException.class,
        () -> StorageConfig.memory().withStateHistory(-1)).getMessage());
    assertEquals("storage engine rocksdb keeps every state: only the in-memory engine deletes old states, not 64"
        + " blocks", assertThrows(IllegalArgumentException.class,
        () -> StorageConfig.persistent(StorageEngine.ROCKSDB, Path.of("db")).withStateHistory(64)).getMessage());
  }

  @Test
  void theBlockCacheIsBounded() {
    StorageConfig config = StorageConfig.persistent(StorageEngine.ROCKSDB, Path.of("db"));
    assertEquals(0, config.withBlockCacheBytes(0).blockCacheBytes());
    assertEquals(StorageConfig.BLOCK_CACHE_BYTES_MAX,
        config.withBlockCacheBytes(StorageConfig.BLOCK_CACHE_BYTES_MAX).blockCacheBytes());
    assertThrows(IllegalArgumentException.class, () -> config.withBlockCacheBytes(-1));
    assertThrows(IllegalArgumentException.class,
        () -> config.withBlockCacheBytes(StorageConfig.BLOCK_CACHE_BYTES_MAX + 1));
    assertTrue(StorageConfig.BLOCK_CACHE_BYTES_DEFAULT <= StorageConfig.BLOCK_CACHE_BYTES_MAX);
  }

  /** A batch must fit the largest key and value; the largest value must fit in a Java array. */
  @Test
  void theLimitsFitTogether() {
    assertTrue(KeyValueStore.BATCH_BYTES_MAX
        >= (long) KeyValueStore.KEY_LENGTH_BYTES_MAX + KeyValueStore.VALUE_LENGTH_BYTES_MAX);
    assertTrue(KeyValueStore.VALUE_LENGTH_BYTES_MAX < Integer.MAX_VALUE - 8);
    assertTrue(KeyValueStore.BATCH_WRITES_MAX > 0 && KeyValueStore.KEY_LENGTH_BYTES_MAX > 0);
  }
}
