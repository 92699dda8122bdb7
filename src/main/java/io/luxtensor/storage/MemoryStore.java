package io.luxtensor.storage;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The in-memory store of the dev node and of tests: one sorted map per {@link Column}, keys in unsigned order. A
 * commit applies its writes under the exclusive side of the {@link StoreLock} and reads hold the shared side, so
 * readers see a batch whole or not at all and the maps need no locking of their own. Stored arrays are the batch's
 * copies and never leave the store: reads hand out copies.
 *
 * <p>It replaced MapDB's memory store, whose B-tree serialized and deserialized whole nodes of byte arrays on every
 * read and write: 40% of the dev node's CPU under load (docs/performance.md).
 */
final class MemoryStore implements KeyValueStore {
  private static final String LOCATION = "in-memory database";

  private final Map<Column, NavigableMap<byte[], byte[]>> maps = new EnumMap<>(Column.class);
  private final StoreLock lock = new StoreLock(StorageEngine.MEMORY, LOCATION);

  MemoryStore() {
    for (Column column : Column.values()) {
      maps.put(column, new TreeMap<>(Arrays::compareUnsigned));
    }
  }

  @Override
  public Optional<byte[]> get(Column column, byte[] key) {
    Keys.checkKey(key);
    return lock.shared("get", () -> Optional.ofNullable(maps.get(column).get(key)).map(byte[]::clone));
  }

  @Override
  public WriteBatch newBatch() {
    return new BufferedWriteBatch(this::applyAtomically);
  }

  @Override
  public void scan(Column column, byte[] fromKeyInclusive, byte[] prefix, ScanVisitor visitor) {
    byte[] start = Keys.scanStart(fromKeyInclusive, prefix);
    lock.shared("scan", () -> {
      for (Map.Entry<byte[], byte[]> entry : maps.get(column).tailMap(start, true).entrySet()) {
        if (!Keys.startsWith(entry.getKey(), prefix)
            || !visitor.visit(entry.getKey().clone(), entry.getValue().clone())) {
          break;
        }
      }
      return null;
    });
  }

  @Override
  public StorageEngine engine() {
    return StorageEngine.MEMORY;
  }

  @Override
  public void close() {
    lock.close(() -> maps.values().forEach(Map::clear));
  }

  private void applyAtomically(List<Write> writes) {
    lock.commit(true, () -> {
      for (Write write : writes) {
        NavigableMap<byte[], byte[]> map = maps.get(write.column());
        switch (write) {
          case Write.Put put -> map.put(put.key(), put.value());
          case Write.Delete delete -> map.remove(delete.key());
        }
      }
    });
  }
}
