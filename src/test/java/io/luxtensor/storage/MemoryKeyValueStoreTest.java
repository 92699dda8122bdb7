package io.luxtensor.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryKeyValueStoreTest extends KeyValueStoreContractTest {

  @Override
  StorageConfig config(Path directory) {
    return StorageConfig.memory();
  }

  @Test
  void eachOpenIsANewEmptyStore() {
    commit(batch -> batch.put(Column.HEADERS, bytes("01"), bytes("01")));
    try (KeyValueStore other = KeyValueStores.open(StorageConfig.memory())) {
      assertEquals(Optional.empty(), other.get(Column.HEADERS, bytes("01")));
    }
  }

  /** Engine-independent (the batch counts before any engine sees it); run once, here, as it takes 256 MiB. */
  @Test
  void aBatchHoldsAtMostTheBytesAndWritesAllowed() {
    byte[] largest = new byte[KeyValueStore.VALUE_LENGTH_BYTES_MAX];
    long fitting = KeyValueStore.BATCH_BYTES_MAX / largest.length;
    try (WriteBatch batch = store.newBatch()) {
      for (int i = 0; i < fitting; i++) {
        batch.put(Column.BODIES, new byte[0], largest);
      }
      assertThrows(IllegalArgumentException.class, () -> batch.put(Column.BODIES, new byte[0], new byte[1]));
    }
    try (WriteBatch batch = store.newBatch()) {
      for (int i = 0; i < KeyValueStore.BATCH_WRITES_MAX; i++) {
        batch.delete(Column.BODIES, new byte[0]);
      }
      assertThrows(IllegalArgumentException.class, () -> batch.delete(Column.BODIES, new byte[0]));
    }
  }
}
