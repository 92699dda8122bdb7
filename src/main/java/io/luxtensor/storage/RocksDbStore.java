package io.luxtensor.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WriteOptions;

/**
 * RocksDB: one column family per {@link Column}, batches written as one RocksDB write batch through the write-ahead
 * log, so a commit that returned is replayed after a kill -9 (and after a power loss with {@code syncWrites}).
 * Keys are ordered by RocksDB's default bytewise comparator, which is unsigned. Every native object the store
 * creates is closed by {@link #close()}, or at once if opening fails.
 */
final class RocksDbStore implements KeyValueStore {
  /** Memtables of all columns together; ten columns of RocksDB's default 64 MiB each could take 1.3 GiB. */
  private static final long WRITE_BUFFERS_BYTES_MAX = 256L * 1024 * 1024;

  /** Write-ahead log kept before the columns that pin old log files are flushed, which bounds the replay on open. */
  private static final long WAL_BYTES_MAX = 1024L * 1024 * 1024;

  /** RocksDB's own diagnostic log (LOG, LOG.old.*): a few files of a few MiB, never the disk. */
  private static final int INFO_LOG_FILES_MAX = 5;

  private static final long INFO_LOG_FILE_BYTES_MAX = 16L * 1024 * 1024;

  /** 10 bits per key: about 1% of lookups of absent keys read a block in vain. */
  private static final double BLOOM_FILTER_BITS_PER_KEY = 10;

  private static final String DEFAULT_COLUMN_FAMILY = new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8);

  private final RocksDB db;
  private final Map<Column, ColumnFamilyHandle> columns;
  private final List<ColumnFamilyHandle> handles;
  private final List<AbstractNativeReference> options;
  private final WriteOptions writeOptions;
  private final String location;
  private final StoreLock lock;

  private RocksDbStore(RocksDB db, Map<Column, ColumnFamilyHandle> columns, List<ColumnFamilyHandle> handles,
      List<AbstractNativeReference> options, WriteOptions writeOptions, String location) {
    this.db = db;
    this.columns = columns;
    this.handles = handles;
    this.options = options;
    this.writeOptions = writeOptions;
    this.location = location;
    this.lock = new StoreLock(StorageEngine.ROCKSDB, location);
  }

  static RocksDbStore open(StorageConfig config) {
    Path directory = config.directory();
    String location = "database at " + directory;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new StorageException(StorageEngine.ROCKSDB, "open", "cannot create directory " + directory, e);
    }
    RocksDB.loadLibrary();
    List<AbstractNativeReference> options = new ArrayList<>();
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      LRUCache blockCache = track(options, new LRUCache(config.blockCacheBytes()));
      BloomFilter bloomFilter = track(options, new BloomFilter(BLOOM_FILTER_BITS_PER_KEY));
      DBOptions dbOptions = track(options, new DBOptions()
          .setCreateIfMissing(true)
          .setCreateMissingColumnFamilies(true)
          .setDbWriteBufferSize(WRITE_BUFFERS_BYTES_MAX)
          .setMaxTotalWalSize(WAL_BYTES_MAX)
          .setKeepLogFileNum(INFO_LOG_FILES_MAX)
          .setMaxLogFileSize(INFO_LOG_FILE_BYTES_MAX));
      WriteOptions writeOptions = track(options, new WriteOptions().setSync(config.syncWrites()));

      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (String name : columnFamilyNames(directory, options)) {
        Optional<Column> column = columnNamed(name);
        ColumnFamilyOptions columnOptions = track(options, column.isPresent()
            ? tuned(column.get(), blockCache, bloomFilter)
            : new ColumnFamilyOptions());
        descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), columnOptions));
      }
      RocksDB db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
      Map<Column, ColumnFamilyHandle> columns = new EnumMap<>(Column.class);
      for (int i = 0; i < descriptors.size(); i++) {
        String name = new String(descriptors.get(i).getName(), StandardCharsets.UTF_8);
        ColumnFamilyHandle handle = handles.get(i);
        columnNamed(name).ifPresent(column -> columns.put(column, handle));
      }
      return new RocksDbStore(db, columns, handles, options, writeOptions, location);
    } catch (RocksDBException e) {
      closeInReverse(handles);
      closeInReverse(options);
      throw failure("open", location, e);
    }
  }

  @Override
  public Optional<byte[]> get(Column column, byte[] key) {
    Keys.checkKey(key);
    return lock.shared("get", () -> {
      try {
        return Optional.ofNullable(db.get(columns.get(column), key));
      } catch (RocksDBException e) {
        throw failure("get", location, e);
      }
    });
  }

  @Override
  public WriteBatch newBatch() {
    return new BufferedWriteBatch(this::applyAtomically);
  }

  @Override
  public void scan(Column column, byte[] fromKeyInclusive, byte[] prefix, ScanVisitor visitor) {
    byte[] start = Keys.scanStart(fromKeyInclusive, prefix);
    lock.shared("scan", () -> {
      try (RocksIterator iterator = db.newIterator(columns.get(column))) {
        for (iterator.seek(start); iterator.isValid(); iterator.next()) {
          byte[] key = iterator.key();
          if (!Keys.startsWith(key, prefix) || !visitor.visit(key, iterator.value())) {
            break;
          }
        }
        iterator.status();
        return null;
      } catch (RocksDBException e) {
        throw failure("scan", location, e);
      }
    });
  }

  @Override
  public StorageEngine engine() {
    return StorageEngine.ROCKSDB;
  }

  @Override
  public void close() {
    lock.close(() -> {
      closeInReverse(handles);
      try {
        db.closeE();
      } catch (RocksDBException e) {
        throw failure("close", location, e);
      } finally {
        closeInReverse(options);
      }
    });
  }

  /** RocksDB's write batches are atomic and isolated on their own: commits share the lock with reads. */
  private void applyAtomically(List<Write> writes) {
    lock.commit(false, () -> {
      try (org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch()) {
        for (Write write : writes) {
          ColumnFamilyHandle handle = columns.get(write.column());
          switch (write) {
            case Write.Put put -> batch.put(handle, put.key(), put.value());
            case Write.Delete delete -> batch.delete(handle, delete.key());
          }
        }
        db.write(writeOptions, batch);
      } catch (RocksDBException e) {
        throw failure("commit", location, e);
      }
    });
  }

  /**
   * The column families to open: RocksDB refuses to open a database without all of its own, so those found on
   * disk (the default one, ours, any written by another version) and ours, which are created if missing.
   */
  private static Set<String> columnFamilyNames(Path directory, List<AbstractNativeReference> options)
      throws RocksDBException {
    Set<String> names = new LinkedHashSet<>();
    names.add(DEFAULT_COLUMN_FAMILY);
    if (Files.exists(directory.resolve("CURRENT"))) {
      for (byte[] name : RocksDB.listColumnFamilies(track(options, new Options()), directory.toString())) {
        names.add(new String(name, StandardCharsets.UTF_8));
      }
    }
    for (Column column : Column.values()) {
      names.add(column.storageName());
    }
    return names;
  }

  private static Optional<Column> columnNamed(String name) {
    for (Column column : Column.values()) {
      if (column.storageName().equals(name)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  /**
   * Bloom filters where lookups of absent keys are common (unknown hashes from peers and RPC, absent accounts);
   * none for the canonical index, read in number ranges, or the few keys of metadata and consensus records. LZ4 for
   * RLP with repeated fields (headers, bodies, receipts with blooms and logs); none for hashes, which are random.
   */
  private static ColumnFamilyOptions tuned(Column column, LRUCache blockCache, BloomFilter bloomFilter) {
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(blockCache)
        .setCacheIndexAndFilterBlocks(true)
        .setPinL0FilterAndIndexBlocksInCache(true);
    boolean pointLookups = switch (column) {
      case CANONICAL_INDEX, CHAIN_METADATA, CONSENSUS -> false;
      case HEADERS, BODIES, RECEIPTS, TRANSACTION_INDEX, TRIE_NODES, ACCOUNTS, STORAGE_SLOTS -> true;
    };
    if (pointLookups) {
      table.setFilterPolicy(bloomFilter);
    }
    CompressionType compression = switch (column) {
      case HEADERS, BODIES, RECEIPTS, CONSENSUS -> CompressionType.LZ4_COMPRESSION;
      case TRANSACTION_INDEX, CANONICAL_INDEX, TRIE_NODES, ACCOUNTS, STORAGE_SLOTS, CHAIN_METADATA ->
          CompressionType.NO_COMPRESSION;
    };
    return new ColumnFamilyOptions().setTableFormatConfig(table).setCompressionType(compression);
  }

  private static <T extends AbstractNativeReference> T track(List<AbstractNativeReference> resources, T resource) {
    resources.add(resource);
    return resource;
  }

  private static void closeInReverse(List<? extends AbstractNativeReference> resources) {
    List<? extends AbstractNativeReference> reversed = new ArrayList<>(resources);
    Collections.reverse(reversed);
    reversed.forEach(AbstractNativeReference::close);
  }

  private static StorageException failure(String operation, String location, RocksDBException e) {
    Status status = e.getStatus();
    String message = String.valueOf(e.getMessage());
    String problem;
    if (status != null && status.getCode() == Status.Code.Corruption) {
      problem = location + " is corrupt: " + message;
    } else if (status != null && status.getCode() == Status.Code.IOError && message.contains("LOCK")) {
      problem = message.contains("current process")
          ? location + " is already open in this process"
          : location + " is in use by another process";
    } else {
      problem = location + ": " + message;
    }
    return new StorageException(StorageEngine.ROCKSDB, operation, problem, e);
  }
}
