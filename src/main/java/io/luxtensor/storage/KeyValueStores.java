package io.luxtensor.storage;

/** Opens the {@link KeyValueStore} a {@link StorageConfig} describes. */
public final class KeyValueStores {
  /** Why storage.engine "mapdb" is refused: the crash test's evidence, in one line an operator can act on. */
  static final String MAPDB_REFUSAL = "MapDB on disk is not offered: it corrupted its B-tree after kill -9 in the "
      + "crash test (every configuration tried failed at least once, the last after 180 clean kills); use \"rocksdb\"";

  private KeyValueStores() {}

  /**
   * Opens, or creates, the store. A persistent engine creates its directory if needed.
   *
   * @throws StorageException if the database cannot be opened: in use by another process, corrupt, unreadable
   */
  public static KeyValueStore open(StorageConfig config) {
    return switch (config.engine()) {
      case MEMORY -> new MemoryStore();
      case ROCKSDB -> RocksDbStore.open(config);
      case MAPDB -> throw new StorageException(StorageEngine.MAPDB, "open", MAPDB_REFUSAL);
    };
  }
}
