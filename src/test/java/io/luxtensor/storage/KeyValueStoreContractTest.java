package io.luxtensor.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every engine promises (see {@link KeyValueStore}); a subclass per engine runs it against a real database.
 * Persistent engines add {@link PersistentKeyValueStoreContractTest}.
 */
abstract class KeyValueStoreContractTest {
  private static final long CONCURRENCY_DEADLINE_SECONDS = 60;

  @TempDir
  Path directory;

  KeyValueStore store;

  /** The configuration of the engine under test, keeping its files (if any) in {@code directory}. */
  abstract StorageConfig config(Path directory);

  @BeforeEach
  void open() {
    store = KeyValueStores.open(config(directory));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void putGetAndDelete() {
    assertEquals(Optional.empty(), store.get(Column.HEADERS, bytes("01")));
    commit(batch -> batch.put(Column.HEADERS, bytes("01"), bytes("aa")));
    assertArrayEquals(bytes("aa"), store.get(Column.HEADERS, bytes("01")).orElseThrow());

    commit(batch -> batch.delete(Column.HEADERS, bytes("01")));
    assertEquals(Optional.empty(), store.get(Column.HEADERS, bytes("01")));
    commit(batch -> batch.delete(Column.HEADERS, bytes("02")));
  }

  @Test
  void columnsAreSeparateKeySpaces() {
    commit(batch -> {
      for (Column column : Column.values()) {
        batch.put(column, bytes("01"), column.storageName().getBytes());
      }
    });
    for (Column column : Column.values()) {
      assertArrayEquals(column.storageName().getBytes(), store.get(column, bytes("01")).orElseThrow());
    }
    commit(batch -> batch.delete(Column.BODIES, bytes("01")));
    assertEquals(Optional.empty(), store.get(Column.BODIES, bytes("01")));
    assertTrue(store.get(Column.HEADERS, bytes("01")).isPresent());
  }

  @Test
  void theLaterWriteToAKeyWins() {
    commit(batch -> batch.put(Column.ACCOUNTS, bytes("01"), bytes("aa")));
    commit(batch -> batch.put(Column.ACCOUNTS, bytes("01"), bytes("bbbb")));
    assertArrayEquals(bytes("bbbb"), store.get(Column.ACCOUNTS, bytes("01")).orElseThrow());

    commit(batch -> {
      batch.put(Column.ACCOUNTS, bytes("02"), bytes("01"));
      batch.delete(Column.ACCOUNTS, bytes("02"));
      batch.delete(Column.ACCOUNTS, bytes("03"));
      batch.put(Column.ACCOUNTS, bytes("03"), bytes("03"));
      batch.put(Column.ACCOUNTS, bytes("01"), bytes("cc"));
    });
    assertEquals(Optional.empty(), store.get(Column.ACCOUNTS, bytes("02")));
    assertArrayEquals(bytes("03"), store.get(Column.ACCOUNTS, bytes("03")).orElseThrow());
    assertArrayEquals(bytes("cc"), store.get(Column.ACCOUNTS, bytes("01")).orElseThrow());
  }

  @Test
  void anEmptyValueIsStoredNotDeleted() {
    commit(batch -> batch.put(Column.STORAGE_SLOTS, bytes("01"), new byte[0]));
    assertArrayEquals(new byte[0], store.get(Column.STORAGE_SLOTS, bytes("01")).orElseThrow());
    assertEquals(List.of("01="), scanAll(Column.STORAGE_SLOTS));
  }

  @Test
  void aOneMebibyteValueRoundTrips() {
    byte[] value = new byte[1024 * 1024];
    new Random(1).nextBytes(value);
    commit(batch -> batch.put(Column.BODIES, bytes("01"), value));
    assertArrayEquals(value, store.get(Column.BODIES, bytes("01")).orElseThrow());
    commit(batch -> batch.put(Column.BODIES, bytes("02"), bytes("02")));
    assertArrayEquals(value, store.get(Column.BODIES, bytes("01")).orElseThrow());
  }

  @Test
  void binaryKeysAreKeptExactly() {
    List<byte[]> keys = List.of(new byte[0], bytes("00"), bytes("0000"), bytes("ff"), bytes("ffff"), bytes("00ff00"),
        bytes("ff00ff"), bytes("7f"), bytes("80"), new byte[KeyValueStore.KEY_LENGTH_BYTES_MAX]);
    commit(batch -> {
      for (int i = 0; i < keys.size(); i++) {
        batch.put(Column.TRIE_NODES, keys.get(i), new byte[] {(byte) i});
      }
    });
    for (int i = 0; i < keys.size(); i++) {
      assertArrayEquals(new byte[] {(byte) i}, store.get(Column.TRIE_NODES, keys.get(i)).orElseThrow(),
          "key " + hex(keys.get(i)));
    }
    assertEquals(Optional.empty(), store.get(Column.TRIE_NODES, bytes("000000")));
  }

  @Test
  void aBatchThatThrowsBeforeCommitLeavesNothing() {
    assertThrows(IllegalStateException.class, () -> {
      try (WriteBatch batch = store.newBatch()) {
        batch.put(Column.HEADERS, bytes("01"), bytes("01"));
        batch.put(Column.CHAIN_METADATA, bytes("02"), bytes("02"));
        throw new IllegalStateException("block import failed");
      }
    });
    assertEquals(Optional.empty(), store.get(Column.HEADERS, bytes("01")));
    assertEquals(Optional.empty(), store.get(Column.CHAIN_METADATA, bytes("02")));
  }

  @Test
  void aBatchCommitsOnceAndNotAfterClose() {
    WriteBatch batch = store.newBatch();
    batch.put(Column.HEADERS, bytes("01"), bytes("01"));
    batch.commit();
    assertThrows(IllegalStateException.class, batch::commit);
    assertThrows(IllegalStateException.class, () -> batch.put(Column.HEADERS, bytes("02"), bytes("02")));
    batch.close();

    WriteBatch closed = store.newBatch();
    closed.put(Column.HEADERS, bytes("03"), bytes("03"));
    closed.close();
    assertThrows(IllegalStateException.class, closed::commit);
    assertEquals(Optional.empty(), store.get(Column.HEADERS, bytes("03")));
  }

  @Test
  void arraysAreCopiedInAndOut() {
    byte[] key = bytes("01");
    byte[] value = bytes("aa");
    try (WriteBatch batch = store.newBatch()) {
      batch.put(Column.HEADERS, key, value);
      key[0] = 2;
      value[0] = 0;
      batch.commit();
    }
    byte[] read = store.get(Column.HEADERS, bytes("01")).orElseThrow();
    assertArrayEquals(bytes("aa"), read);
    read[0] = 0;
    assertArrayEquals(bytes("aa"), store.get(Column.HEADERS, bytes("01")).orElseThrow());
    assertEquals(Optional.empty(), store.get(Column.HEADERS, bytes("02")));
  }

  /** Shared arrays skip copies, not checks: same values, same limits, and get still hands out a copy. */
  @Test
  void sharedWritesAndReadsKeepTheValuesAndTheLimits() {
    commit(batch -> batch.putShared(Column.TRIE_NODES, bytes("0a"), bytes("cafe")));
    assertArrayEquals(bytes("cafe"), store.getShared(Column.TRIE_NODES, bytes("0a")).orElseThrow());
    byte[] copy = store.get(Column.TRIE_NODES, bytes("0a")).orElseThrow();
    copy[0] = 0;
    assertArrayEquals(bytes("cafe"), store.getShared(Column.TRIE_NODES, bytes("0a")).orElseThrow());
    assertEquals(Optional.empty(), store.getShared(Column.TRIE_NODES, bytes("0b")));
    try (WriteBatch batch = store.newBatch()) {
      assertThrows(IllegalArgumentException.class,
          () -> batch.putShared(Column.HEADERS, bytes("01"), new byte[KeyValueStore.VALUE_LENGTH_BYTES_MAX + 1]));
    }
    assertThrows(IllegalArgumentException.class,
        () -> store.getShared(Column.HEADERS, new byte[KeyValueStore.KEY_LENGTH_BYTES_MAX + 1]));
  }

  @Test
  void keysAndValuesBeyondTheLimitsAreRefused() {
    try (WriteBatch batch = store.newBatch()) {
      assertThrows(IllegalArgumentException.class,
          () -> batch.put(Column.HEADERS, new byte[KeyValueStore.KEY_LENGTH_BYTES_MAX + 1], bytes("01")));
      assertThrows(IllegalArgumentException.class,
          () -> batch.put(Column.HEADERS, bytes("01"), new byte[KeyValueStore.VALUE_LENGTH_BYTES_MAX + 1]));
      assertThrows(IllegalArgumentException.class,
          () -> batch.delete(Column.HEADERS, new byte[KeyValueStore.KEY_LENGTH_BYTES_MAX + 1]));
    }
    assertThrows(IllegalArgumentException.class,
        () -> store.get(Column.HEADERS, new byte[KeyValueStore.KEY_LENGTH_BYTES_MAX + 1]));
  }

  /** Signed bytes would put 0x80..0xff before 0x00; the order is unsigned, shorter keys before their extensions. */
  @Test
  void scansVisitKeysInUnsignedOrder() {
    List<String> ordered =
        List.of("", "00", "0000", "0001", "01", "7f", "7fff", "80", "8000", "fe", "ff", "ff00", "ffff");
    List<String> shuffled = new ArrayList<>(ordered);
    Collections.shuffle(shuffled, new Random(7));
    commit(batch -> shuffled.forEach(key -> batch.put(Column.CANONICAL_INDEX, bytes(key), bytes(key))));

    assertEquals(ordered, keys(Column.CANONICAL_INDEX, new byte[0], new byte[0]));
    assertEquals(ordered, ordered.stream().map(KeyValueStoreContractTest::bytes).sorted(Arrays::compareUnsigned)
        .map(KeyValueStoreContractTest::hex).toList());
  }

  @Test
  void scansStayWithinThePrefixFromTheStartKey() {
    commit(batch -> {
      for (String key : List.of("00ff", "01", "0100", "0101", "01ff", "01ffff", "02", "0200")) {
        batch.put(Column.RECEIPTS, bytes(key), bytes(key));
      }
    });
    assertEquals(List.of("01", "0100", "0101", "01ff", "01ffff"), keys(Column.RECEIPTS, bytes(""), bytes("01")));
    assertEquals(List.of("0101", "01ff", "01ffff"), keys(Column.RECEIPTS, bytes("0101"), bytes("01")));
    assertEquals(List.of("01ff", "01ffff"), keys(Column.RECEIPTS, bytes("01ff"), bytes("01ff")));
    assertEquals(List.of("0200"), keys(Column.RECEIPTS, bytes("0200"), bytes("")));
    assertEquals(List.of(), keys(Column.RECEIPTS, bytes("0201"), bytes("")));
    assertEquals(List.of(), keys(Column.RECEIPTS, bytes("03"), bytes("01")));
    assertEquals(List.of(), keys(Column.RECEIPTS, bytes(""), bytes("03")));
    assertEquals(List.of(), keys(Column.HEADERS, bytes(""), bytes("")));
  }

  @Test
  void aScanStopsWhenTheVisitorSaysSo() {
    commit(batch -> {
      for (int i = 0; i < 10; i++) {
        batch.put(Column.CANONICAL_INDEX, new byte[] {(byte) i}, new byte[] {(byte) i});
      }
    });
    List<Integer> seen = new ArrayList<>();
    store.scan(Column.CANONICAL_INDEX, new byte[0], new byte[0], (key, value) -> {
      seen.add((int) key[0]);
      return seen.size() < 3;
    });
    assertEquals(List.of(0, 1, 2), seen);
  }

  @Test
  void aVisitorMayReadButNotCommit() {
    commit(batch -> batch.put(Column.CANONICAL_INDEX, bytes("01"), bytes("01")));
    store.scan(Column.CANONICAL_INDEX, new byte[0], new byte[0], (key, value) -> {
      assertTrue(store.get(Column.CANONICAL_INDEX, key).isPresent());
      try (WriteBatch batch = store.newBatch()) {
        batch.put(Column.CANONICAL_INDEX, bytes("02"), bytes("02"));
        assertThrows(IllegalStateException.class, batch::commit);
      }
      return true;
    });
    assertEquals(Optional.empty(), store.get(Column.CANONICAL_INDEX, bytes("02")));
  }

  /**
   * One writer commits batches that set every key of a column to the same 4 KiB value (a sequence number in every
   * byte) while readers get and scan. A get must see a whole value, never older than one it saw before; a scan must
   * see one batch across all keys.
   */
  @Test
  void readersNeverSeeATornValueOrBatch() throws Exception {
    int keys = 16;
    int batches = 250; // one byte holds the sequence number
    int readers = 3;
    AtomicBoolean writerDone = new AtomicBoolean();
    ExecutorService threads = Executors.newFixedThreadPool(1 + readers);
    try {
      List<Future<Integer>> readerResults = new ArrayList<>();
      for (int r = 0; r < readers; r++) {
        int reader = r;
        readerResults.add(threads.submit(() -> readUntilDone(reader, keys, writerDone)));
      }
      Future<?> writer = threads.submit(() -> {
        try {
          for (int sequence = 1; sequence <= batches; sequence++) {
            byte[] value = new byte[4096];
            Arrays.fill(value, (byte) sequence);
            commit(batch -> {
              for (int k = 0; k < keys; k++) {
                batch.put(Column.ACCOUNTS, new byte[] {(byte) k}, value);
              }
            });
          }
        } finally {
          writerDone.set(true);
        }
      });
      writer.get(CONCURRENCY_DEADLINE_SECONDS, TimeUnit.SECONDS);
      for (Future<Integer> reader : readerResults) {
        assertTrue(reader.get(CONCURRENCY_DEADLINE_SECONDS, TimeUnit.SECONDS) > 0, "a reader read nothing");
      }
    } finally {
      threads.shutdownNow();
      assertTrue(threads.awaitTermination(CONCURRENCY_DEADLINE_SECONDS, TimeUnit.SECONDS));
    }
  }

  /** Reads until the writer is done, then once more; returns how many reads saw a value. */
  private int readUntilDone(int reader, int keys, AtomicBoolean writerDone) {
    int[] lastSeen = new int[keys];
    int reads = 0;
    boolean lastRound = false;
    while (!lastRound) {
      lastRound = writerDone.get();
      for (int k = 0; k < keys; k++) {
        Optional<byte[]> value = store.get(Column.ACCOUNTS, new byte[] {(byte) k});
        if (value.isPresent()) {
          int sequence = uniformSequence(value.get(), "reader " + reader + " key " + k);
          assertTrue(sequence >= lastSeen[k], "key " + k + " went back from " + lastSeen[k] + " to " + sequence);
          lastSeen[k] = sequence;
          reads++;
        }
      }
      List<Integer> scanned = new ArrayList<>();
      store.scan(Column.ACCOUNTS, new byte[0], new byte[0], (key, value) -> {
        scanned.add(uniformSequence(value, "scan of reader " + reader));
        return true;
      });
      assertTrue(scanned.isEmpty() || scanned.size() == keys && scanned.stream().distinct().count() == 1,
          "a scan saw parts of several batches: " + scanned);
    }
    return reads;
  }

  private static int uniformSequence(byte[] value, String where) {
    assertEquals(4096, value.length, where);
    for (byte b : value) {
      if (b != value[0]) {
        throw new AssertionError(where + ": torn value mixing " + (value[0] & 0xff) + " and " + (b & 0xff));
      }
    }
    return value[0] & 0xff;
  }

  @Test
  void useAfterCloseThrowsAStorageExceptionSayingSo() {
    WriteBatch pending = store.newBatch();
    pending.put(Column.HEADERS, bytes("01"), bytes("01"));
    store.close();
    store.close();

    StorageException get = assertThrows(StorageException.class, () -> store.get(Column.HEADERS, bytes("01")));
    assertEquals(store.engine(), get.engine());
    assertEquals("get", get.operation());
    assertTrue(get.getMessage().endsWith(" is closed"), get.getMessage());
    assertThrows(StorageException.class, () -> store.scan(Column.HEADERS, new byte[0], new byte[0], (k, v) -> true));
    StorageException commit = assertThrows(StorageException.class, pending::commit);
    assertEquals("commit", commit.operation());
  }

  void commit(Consumer<WriteBatch> writes) {
    try (WriteBatch batch = store.newBatch()) {
      writes.accept(batch);
      batch.commit();
    }
  }

  List<String> scanAll(Column column) {
    List<String> entries = new ArrayList<>();
    store.scan(column, new byte[0], new byte[0], (key, value) -> entries.add(hex(key) + "=" + hex(value)));
    return entries;
  }

  List<String> keys(Column column, byte[] from, byte[] prefix) {
    List<String> keys = new ArrayList<>();
    store.scan(column, from, prefix, (key, value) -> keys.add(hex(key)));
    return keys;
  }

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
