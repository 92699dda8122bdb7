package io.luxtensor.storage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.testing.crash.CrashWorkload;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * The crash-test workload of the storage layer: batch n puts {@value #KEYS_PER_BATCH} keys (n, i) spread over three
 * columns, with values derived from (n, i); deletes key (n - {@value #DELETE_LAG}, 0), written 10 batches earlier;
 * and sets the head in {@link Column#CHAIN_METADATA} to n. So the store holds exactly what batches 1..head wrote,
 * which {@link #verify} checks by scanning every column: a lost batch, a lost delete or a batch past the head that
 * left any trace fail it.
 */
public final class SequencedBatchWorkload implements CrashWorkload {
  static final int KEYS_PER_BATCH = 50;
  static final int DELETE_LAG = 10;
  static final int VALUE_LENGTH_BYTES = 100;
  static final byte[] HEAD_KEY = "head".getBytes(StandardCharsets.US_ASCII);
  private static final List<Column> COLUMNS = List.of(Column.HEADERS, Column.BODIES, Column.TRIE_NODES);

  @Override
  public void run(StorageConfig config, LongConsumer acknowledge) {
    try (KeyValueStore store = KeyValueStores.open(config)) {
      for (long batch = head(store) + 1; ; batch++) {
        commitBatch(store, batch);
        acknowledge.accept(batch);
      }
    }
  }

  @Override
  public void verify(StorageConfig config, long lastAcknowledged) {
    try (KeyValueStore store = KeyValueStores.open(config)) {
      verify(store, lastAcknowledged);
    }
  }

  static void commitBatch(KeyValueStore store, long batch) {
    try (WriteBatch writes = store.newBatch()) {
      for (int i = 0; i < KEYS_PER_BATCH; i++) {
        writes.put(column(i), key(batch, i), value(batch, i));
      }
      if (batch > DELETE_LAG) {
        writes.delete(column(0), key(batch - DELETE_LAG, 0));
      }
      writes.put(Column.CHAIN_METADATA, HEAD_KEY, ByteBuffer.allocate(Long.BYTES).putLong(batch).array());
      writes.commit();
    }
  }

  static void verify(KeyValueStore store, long lastAcknowledged) {
    long head = head(store);
    assertTrue(head >= lastAcknowledged, "head " + head + " is below the last acknowledged batch " + lastAcknowledged);
    for (Column column : COLUMNS) {
      List<String> expected = new ArrayList<>();
      for (long batch = 1; batch <= head; batch++) {
        for (int i = 0; i < KEYS_PER_BATCH; i++) {
          boolean deleted = i == 0 && batch + DELETE_LAG <= head;
          if (column(i) == column && !deleted) {
            expected.add(entry(key(batch, i), value(batch, i)));
          }
        }
      }
      List<String> found = new ArrayList<>();
      store.scan(column, new byte[0], new byte[0], (key, value) -> found.add(entry(key, value)));
      if (!found.equals(expected)) {
        throw new AssertionError(column + " after head " + head + ": " + firstDifference(expected, found));
      }
    }
  }

  static long head(KeyValueStore store) {
    return store.get(Column.CHAIN_METADATA, HEAD_KEY).map(bytes -> ByteBuffer.wrap(bytes).getLong()).orElse(0L);
  }

  private static Column column(int index) {
    return COLUMNS.get(index % COLUMNS.size());
  }

  /** The batch number first, big-endian, so that the keys of a column sort by batch. */
  private static byte[] key(long batch, int index) {
    return ByteBuffer.allocate(Long.BYTES + 1).putLong(batch).put((byte) index).array();
  }

  private static byte[] value(long batch, int index) {
    byte[] value = new byte[VALUE_LENGTH_BYTES];
    new SplittableRandom(batch * KEYS_PER_BATCH + index).nextBytes(value);
    return value;
  }

  private static String entry(byte[] key, byte[] value) {
    return HexFormat.of().formatHex(key) + "=" + HexFormat.of().formatHex(value);
  }

  private static String firstDifference(List<String> expected, List<String> found) {
    for (int i = 0; i < Math.min(expected.size(), found.size()); i++) {
      if (!expected.get(i).equals(found.get(i))) {
        return "entry " + i + " is " + found.get(i) + ", expected " + expected.get(i);
      }
    }
    return expected.size() > found.size()
        ? (expected.size() - found.size()) + " entries missing, first " + expected.get(found.size())
        : (found.size() - expected.size()) + " entries past the head, first " + found.get(expected.size());
  }
}
