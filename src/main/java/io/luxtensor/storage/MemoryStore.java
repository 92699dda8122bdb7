package io.luxtensor.storage;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory store of the dev node and of tests: one hash map per {@link Column}. A commit applies its writes
 * under the exclusive side of the {@link StoreLock} and reads hold the shared side, so readers see a batch whole or
 * not at all and the maps need no locking of their own. Stored arrays are the batch's copies (or the arrays
 * handed over by {@link WriteBatch#putShared}); reads hand out copies, except {@link #getShared}.
 *
 * <p>Point reads and writes are what the node does (the trie, blocks, indices), so the maps are hashed, not sorted:
 * a {@link #scan} sorts the keys it visits, in time linear in the column's size. No node path scans today; tests of
 * the store's contract do.
 *
 * <p>It replaced MapDB's memory store, whose B-tree serialized and deserialized whole nodes of byte arrays on every
 * read and write: 40% of the dev node's CPU under load (docs/performance.md).
 */
final class MemoryStore implements KeyValueStore {
  private static final String LOCATION = "in-memory database";

  private final Map<Column, Map<Key, byte[]>> maps = new EnumMap<>(Column.class);
  private final StoreLock lock = new StoreLock(StorageEngine.MEMORY, LOCATION);

  MemoryStore() {
    for (Column column : Column.values()) {
      maps.put(column, new HashMap<>());
    }
  }

  @Override
  public Optional<byte[]> get(Column column, byte[] key) {
    Keys.checkKey(key);
    return getShared(column, key).map(byte[]::clone);
  }

  @Override
  public Optional<byte[]> getShared(Column column, byte[] key) {
    Keys.checkKey(key);
    return lock.shared("get", () -> Optional.ofNullable(maps.get(column).get(new Key(key))));
  }

  @Override
  public WriteBatch newBatch() {
    return new BufferedWriteBatch(this::applyAtomically);
  }

  @Override
  public void scan(Column column, byte[] fromKeyInclusive, byte[] prefix, ScanVisitor visitor) {
    byte[] start = Keys.scanStart(fromKeyInclusive, prefix);
    lock.shared("scan", () -> {
      List<Map.Entry<Key, byte[]>> entries = maps.get(column).entrySet().stream()
          .filter(entry -> Keys.startsWith(entry.getKey().bytes(), prefix)
              && Arrays.compareUnsigned(entry.getKey().bytes(), start) >= 0)
          .sorted(Map.Entry.comparingByKey(Comparator.comparing(Key::bytes, Arrays::compareUnsigned)))
          .toList();
      for (Map.Entry<Key, byte[]> entry : entries) {
        if (!visitor.visit(entry.getKey().bytes().clone(), entry.getValue().clone())) {
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
        Map<Key, byte[]> map = maps.get(write.column());
        switch (write) {
          case Write.Put put -> map.put(new Key(put.key()), put.value());
          case Write.Delete delete -> map.remove(new Key(delete.key()));
        }
      }
    });
  }

  /** A key by content. */
  private record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return Arrays.toString(bytes);
    }
  }
}
