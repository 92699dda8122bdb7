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
 * @param stateHistory how many of the latest blocks' states are kept, the head's included; older states are deleted
 *     ({@link StateHistory}). 0 keeps every state, as an archive node does. Only the in-memory engine prunes: the
 *     references it counts live in memory, and on disk the history costs disk, not memory
 */
public record StorageConfig(StorageEngine engine, Path directory, boolean syncWrites, long blockCacheBytes,
    int stateHistory) {
  /** Every state is kept: see {@link #stateHistory}. */
  public static final int ARCHIVE = 0;

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
    if (stateHistory < 0) {
      throw new IllegalArgumentException("state history of " + stateHistory + " blocks; 0 keeps every state");
    }
    if (engine.persistent() && stateHistory != ARCHIVE) {
      throw new IllegalArgumentException("storage engine " + engine.configName()
          + " keeps every state: only the in-memory engine deletes old states, not " + stateHistory + " blocks");
    }
  }

  /** The ephemeral in-memory store of the dev node. */
  public static StorageConfig memory() {
    return new StorageConfig(StorageEngine.MEMORY, null, false, BLOCK_CACHE_BYTES_DEFAULT, ARCHIVE);
  }

  /** A persistent {@code engine} in {@code directory}, with the default options. */
  public static StorageConfig persistent(StorageEngine engine, Path directory) {
    return new StorageConfig(engine, directory, false, BLOCK_CACHE_BYTES_DEFAULT, ARCHIVE);
  }

  public StorageConfig withSyncWrites(boolean sync) {
    return new StorageConfig(engine, directory, sync, blockCacheBytes, stateHistory);
  }

  public StorageConfig withBlockCacheBytes(long bytes) {
    return new StorageConfig(engine, directory, syncWrites, bytes, stateHistory);
  }

  /** Keeps the states of the last {@code blocks} blocks only ({@link #ARCHIVE}: all); see {@link #stateHistory}. */
  public StorageConfig withStateHistory(int blocks) {
    return new StorageConfig(engine, directory, syncWrites, blockCacheBytes, blocks);
  }
}
