package io.luxtensor.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The database behind a {@link KeyValueStore}, named in configuration as {@code storage.engine}. */
public enum StorageEngine {
  /** Sorted maps on the heap: ephemeral, the default of the dev node. */
  MEMORY(false),
  /** RocksDB with its write-ahead log: the default of persistent nodes. */
  ROCKSDB(true),
  /**
   * MapDB on disk: refused when opened, since it corrupted its B-tree after kill -9 in the crash test (see
   * {@code KeyValueStores}); the name stays so that a configuration naming it gets the reason.
   */
  MAPDB(true);

  private final boolean persistent;

  StorageEngine(boolean persistent) {
    this.persistent = persistent;
  }

  /** Whether the engine keeps its data in a directory across restarts. */
  public boolean persistent() {
    return persistent;
  }

  /** The name used in configuration files and on the command line: "memory", "rocksdb", "mapdb". */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The engine configured as {@code name}.
   *
   * @throws IllegalArgumentException naming the valid choices, if {@code name} is none of them
   */
  public static StorageEngine fromConfigName(String name) {
    for (StorageEngine engine : values()) {
      if (engine.configName().equals(name)) {
        return engine;
      }
    }
    throw new IllegalArgumentException("unknown storage engine \"" + name + "\"; choose one of "
        + Arrays.stream(values()).map(StorageEngine::configName).collect(Collectors.joining(", ")));
  }
}
