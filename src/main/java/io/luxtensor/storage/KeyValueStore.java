package io.luxtensor.storage;

import java.util.Optional;

/**
 * The node's database: one ordered key space per {@link Column}, written only through atomic {@link WriteBatch}es.
 * Open one with {@link KeyValueStores#open(StorageConfig)}.
 *
 * <p><b>Order.</b> Keys are ordered as unsigned bytes, lexicographically (a shorter key before every key it
 * prefixes), which is what {@link java.util.Arrays#compareUnsigned(byte[], byte[])} computes. Every engine agrees.
 *
 * <p><b>Threads.</b> A store is safe to share. Any number of threads may {@link #get} and {@link #scan} while a
 * writer commits batches; a reader sees each committed batch entirely or not at all, never a torn value. Commits
 * are applied one at a time; the node has one writer (the chain context, DESIGN.md §3), so none of them waits.
 * {@link #close()} waits for the reads and commits in progress; afterwards every call throws
 * {@link StorageException}.
 *
 * <p><b>Errors.</b> Failures of the database (I/O, lock held by another process, corruption, use after close) throw
 * {@link StorageException}; keys and values beyond the limits below throw {@link IllegalArgumentException}.
 * Arrays passed in are copied, arrays returned are the caller's, except where a method says it shares them.
 */
public interface KeyValueStore extends AutoCloseable {
  /**
   * Longest key. The node's longest keys are a 32-byte hash followed by an 8-byte index; the bound keeps an engine's
   * index blocks, which hold keys, small.
   */
  int KEY_LENGTH_BYTES_MAX = 1024;

  /**
   * Longest value. The largest record is a block body, bounded by the block gas limit to a few MiB; a value is
   * held in memory whole on its way in and out.
   */
  int VALUE_LENGTH_BYTES_MAX = 32 * 1024 * 1024;

  /**
   * Most bytes of keys and values in one batch, which waits in memory until it commits. A block of 10,000
   * transfers writes about 20 MiB (trie nodes, body, receipts, indices).
   */
  long BATCH_BYTES_MAX = 256L * 1024 * 1024;

  /** Most writes in one batch: bounds the bookkeeping of writes with tiny keys and values, which bytes do not. */
  int BATCH_WRITES_MAX = 1_000_000;

  /** The value under {@code key} in {@code column}, or empty. */
  Optional<byte[]> get(Column column, byte[] key);

  /**
   * {@link #get}, for a caller that never modifies the value: a store may hand out the array it holds. The trie reads
   * its nodes this way, as they are content-addressed and only ever decoded; the in-memory store saves a copy a read.
   */
  default Optional<byte[]> getShared(Column column, byte[] key) {
    return get(column, key);
  }

  /** A new empty batch, to be committed or closed by the thread that fills it. */
  WriteBatch newBatch();

  /**
   * Visits, in ascending key order, the entries of {@code column} whose key starts with {@code prefix} and is at
   * least {@code fromKeyInclusive}, until the visitor returns false or the entries run out. An empty prefix scans
   * the whole column from {@code fromKeyInclusive}; a {@code fromKeyInclusive} below the prefix starts at the
   * prefix. A scan sees a batch entirely or not at all; a visitor must not commit batches on this store.
   */
  void scan(Column column, byte[] fromKeyInclusive, byte[] prefix, ScanVisitor visitor);

  /** Which engine this is, for messages and metrics. */
  StorageEngine engine();

  /** Flushes what the engine buffers and releases files, locks and native memory. Closing twice does nothing. */
  @Override
  void close();
}
