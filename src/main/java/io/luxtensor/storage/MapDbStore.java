package io.luxtensor.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * MapDB, in memory or on disk: one B-tree map per {@link Column}, keyed by byte arrays in unsigned order (MapDB's
 * {@code Serializer.BYTE_ARRAY} compares bytes unsigned). Values live outside the B-tree nodes, so a large value
 * is not rewritten whenever a neighbour changes.
 *
 * <p>MapDB has no isolation of its own: a commit applies its writes one by one under the exclusive side of the
 * {@link StoreLock}, so readers see the batch whole or not at all. On disk the writes then commit as one MapDB
 * transaction (write-ahead log, replayed on open); an exception rolls the transaction back.
 *
 * <p>Only the in-memory store is MapDB's: MapDB on disk failed the kill -9 crash test in every configuration tried
 * (docs/performance.md, "Why RocksDB is the on-disk default"), so it is not offered.
 */
final class MapDbStore implements KeyValueStore {
  static final String FILE_NAME = "luxtensor.mapdb";

  private final StorageEngine engine;
  private final DB db;
  private final boolean transactional;
  private final Map<Column, BTreeMap<byte[], byte[]>> maps;
  private final String location;
  private final StoreLock lock;

  private MapDbStore(StorageEngine engine, DB db, boolean transactional, String location) {
    this.engine = engine;
    this.db = db;
    this.transactional = transactional;
    this.maps = new EnumMap<>(Column.class);
    for (Column column : Column.values()) {
      maps.put(column, db.treeMap(column.storageName(), Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY)
          .valuesOutsideNodesEnable()
          .createOrOpen());
    }
    if (transactional) {
      db.commit();
    }
    this.location = location;
    this.lock = new StoreLock(engine, location);
  }

  static MapDbStore inMemory() {
    return new MapDbStore(StorageEngine.MEMORY, DBMaker.memoryDB().make(), false, "in-memory database");
  }

  @Override
  public Optional<byte[]> get(Column column, byte[] key) {
    Keys.checkKey(key);
    return lock.shared("get", () -> mapDb("get", () -> Optional.ofNullable(maps.get(column).get(key))));
  }

  @Override
  public WriteBatch newBatch() {
    return new BufferedWriteBatch(this::applyAtomically);
  }

  @Override
  public void scan(Column column, byte[] fromKeyInclusive, byte[] prefix, ScanVisitor visitor) {
    byte[] start = Keys.scanStart(fromKeyInclusive, prefix);
    lock.shared("scan", () -> {
      Iterator<Map.Entry<byte[], byte[]>> entries =
          mapDb("scan", () -> maps.get(column).tailMap(start, true).entrySet().iterator());
      while (true) {
        Map.Entry<byte[], byte[]> entry = mapDb("scan", () -> entries.hasNext() ? entries.next() : null);
        if (entry == null || !Keys.startsWith(entry.getKey(), prefix)
            || !visitor.visit(entry.getKey(), entry.getValue())) {
          return null;
        }
      }
    });
  }

  @Override
  public StorageEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    lock.close(() -> mapDb("close", () -> {
      db.close();
      return null;
    }));
  }

  private void applyAtomically(List<Write> writes) {
    lock.commit(true, () -> {
      try {
        for (Write write : writes) {
          BTreeMap<byte[], byte[]> map = maps.get(write.column());
          switch (write) {
            case Write.Put put -> map.put(put.key(), put.value());
            case Write.Delete delete -> map.remove(delete.key());
          }
        }
        if (transactional) {
          db.commit();
        }
      } catch (RuntimeException e) {
        StorageException failure = new StorageException(engine, "commit", location + ": " + e, e);
        rollBack(failure);
        throw failure;
      }
    });
  }

  /**
   * Undoes the writes applied so far. Without transactions (the memory store) there is no undo; nothing there fails
   * halfway short of running out of memory, since the writes were checked when added to the batch.
   */
  private void rollBack(StorageException failure) {
    if (transactional) {
      try {
        db.rollback();
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /**
   * Runs a call into MapDB, whose failures are not all {@link DBException}s: a damaged B-tree node shows up as an
   * IndexOutOfBoundsException from its deserializer.
   */
  private <T> T mapDb(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw new StorageException(engine, operation, location + ": " + e, e);
    }
  }
}
