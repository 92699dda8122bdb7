package io.luxtensor.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to open a {@link KeyValueStore}.
 *
 * @param engine which database
 * @param directory where a persistent engine keeps its files; null for {@link StorageEngine#MEMORY}
 * @param syncWrites whether a commit waits until its writes reach the disk (fsync), so that they survive a power
 *     loss or an OS crash, not only the process being killed. Off by default: it costs a disk flush per commit
 * @param blockCacheBytes RocksDB's cache of uncompressed blocks, shared by all columns (other engines ignore it)
 */
public record StorageConfig(StorageEngine engine, Path directory, boolean syncWrites, long blockCacheBytes) {
  /** Room for the hot trie nodes and index blocks of a node serving RPC, well within a 2 GiB heap machine. */
  public static final long BLOCK_CACHE_BYTES_DEFAULT = 256L * 1024 * 1024;

  /** More than any machine the node targets holds; a larger figure is a unit mistake (bits, or KiB taken as bytes). */
  public static final long BLOCK_CACHE_BYTES_MAX = 64L * 1024 * 1024 * 1024;

  public StorageConfig {
    Objects.requireNonNull(engine, "engine");
    if (engine.persistent() && directory == null) {
      throw new IllegalArgumentException("storage engine " + engine.configName() + " needs a directory");
    }
    if (!engine.persistent() && directory != null) {
      throw new IllegalArgumentException(
          "storage engine " + engine.configName() + " keeps nothing on disk, yet a directory was given: " + directory);
    }
    if (blockCacheBytes < 0 || blockCacheBytes > BLOCK_CACHE_BYTES_MAX) {
      throw new IllegalArgumentException(
          "block cache of " + blockCacheBytes + " bytes; allowed 0 to " + BLOCK_CACHE_BYTES_MAX);
    }
  }

  /** The ephemeral in-memory store of the dev node. */
  public static StorageConfig memory() {
    return new StorageConfig(StorageEngine.MEMORY, null, false, BLOCK_CACHE_BYTES_DEFAULT);
  }

  /** A persistent {@code engine} in {@code directory}, with the default options. */
  public static StorageConfig persistent(StorageEngine engine, Path directory) {
    return new StorageConfig(engine, directory, false, BLOCK_CACHE_BYTES_DEFAULT);
  }

  public StorageConfig withSyncWrites(boolean sync) {
    return new StorageConfig(engine, directory, sync, blockCacheBytes);
  }

  public StorageConfig withBlockCacheBytes(long bytes) {
    return new StorageConfig(engine, directory, syncWrites, bytes);
  }
}
