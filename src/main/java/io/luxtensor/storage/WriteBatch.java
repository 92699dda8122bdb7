package io.luxtensor.storage;

/**
 * Writes that reach the store together or not at all. Collect them with {@link #put} and {@link #delete}, then
 * {@link #commit()}: once it returns, every write is in the store and survives the process being killed (kill -9);
 * with {@link StorageConfig#syncWrites()} they also survive a power loss. A batch closed or abandoned without a
 * commit leaves the store untouched, so use it in try-with-resources.
 *
 * <p>A batch belongs to the thread that fills it; it does not read back its own writes. Writes apply in the order
 * given: of two writes to one key, the later wins.
 */
public interface WriteBatch extends AutoCloseable {

  /** Sets {@code key} to {@code value} in {@code column}; an empty value is a value, not a delete. */
  void put(Column column, byte[] key, byte[] value);

  /**
   * {@link #put}, handing the arrays over: the batch, and the store after the commit, may keep them, so the caller
   * must never modify them again. For values that never change once built, such as the trie's node encodings.
   */
  default void putShared(Column column, byte[] key, byte[] value) {
    put(column, key, value);
  }

  /** Removes {@code key} from {@code column}; nothing happens at commit if it is absent. */
  void delete(Column column, byte[] key);

  /**
   * Applies every write atomically and durably (see above). A batch commits once.
   *
   * @throws StorageException if the store failed or is closed; then none of the writes was applied
   * @throws IllegalStateException if the batch was committed or closed already
   */
  void commit();

  /** Discards the writes if the batch was not committed. */
  @Override
  void close();
}
