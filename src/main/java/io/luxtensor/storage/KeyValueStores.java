package io.luxtensor.storage;

/** Opens the {@link KeyValueStore} a {@link StorageConfig} describes. */
public final class KeyValueStores {
  private KeyValueStores() {}

  /**
   * Opens, or creates, the store. A persistent engine creates its directory if needed.
   *
   * @throws StorageException if the database cannot be opened: in use by another process, corrupt, unreadable
   */
  public static KeyValueStore open(StorageConfig config) {
    return switch (config.engine()) {
      case MEMORY -> MapDbStore.inMemory();
      case ROCKSDB -> RocksDbStore.open(config);
      case MAPDB -> MapDbStore.onDisk(config);
    };
  }
}
