package io.luxtensor.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What persistent engines promise beyond {@link KeyValueStoreContractTest}: data outlives the process's store. */
abstract class PersistentKeyValueStoreContractTest extends KeyValueStoreContractTest {

  /** Damages the engine's files in {@code directory} (the store is closed) so that opening must fail. */
  abstract void corrupt(Path directory) throws IOException;

  @Test
  void committedDataSurvivesAReopen() {
    commit(batch -> {
      batch.put(Column.HEADERS, bytes("01"), bytes("aa"));
      batch.put(Column.CHAIN_METADATA, bytes("00ff"), new byte[0]);
      batch.put(Column.CANONICAL_INDEX, bytes("02"), bytes("bb"));
      batch.put(Column.CANONICAL_INDEX, bytes("01"), bytes("cc"));
    });
    commit(batch -> batch.delete(Column.HEADERS, bytes("01")));
    WriteBatch uncommitted = store.newBatch();
    uncommitted.put(Column.HEADERS, bytes("03"), bytes("03"));

    store.close();
    store = KeyValueStores.open(config(directory));

    assertEquals(Optional.empty(), store.get(Column.HEADERS, bytes("01")));
    assertEquals(Optional.empty(), store.get(Column.HEADERS, bytes("03")));
    assertArrayEquals(new byte[0], store.get(Column.CHAIN_METADATA, bytes("00ff")).orElseThrow());
    assertEquals(List.of("01=cc", "02=bb"), scanAll(Column.CANONICAL_INDEX));
    commit(batch -> batch.put(Column.HEADERS, bytes("04"), bytes("04")));
    assertArrayEquals(bytes("04"), store.get(Column.HEADERS, bytes("04")).orElseThrow());
  }

  @Test
  void aSecondOpenOfTheSameDirectoryFailsClearly() {
    commit(batch -> batch.put(Column.HEADERS, bytes("01"), bytes("aa")));
    StorageException failure = assertThrows(StorageException.class, () -> KeyValueStores.open(config(directory)));
    assertEquals("open", failure.operation());
    String expectedStart = store.engine().configName() + " open: database at " + directory + " is ";
    assertTrue(failure.getMessage().startsWith(expectedStart), failure.getMessage());
    assertTrue(failure.getMessage().contains("in use") || failure.getMessage().contains("already open"),
        failure.getMessage());

    assertArrayEquals(bytes("aa"), store.get(Column.HEADERS, bytes("01")).orElseThrow());
    store.close();
    store = KeyValueStores.open(config(directory));
    assertArrayEquals(bytes("aa"), store.get(Column.HEADERS, bytes("01")).orElseThrow());
  }

  @Test
  void aCorruptDatabaseFailsToOpenSayingSo() throws IOException {
    commit(batch -> batch.put(Column.HEADERS, bytes("01"), bytes("aa")));
    store.close();
    corrupt(directory);
    StorageException failure = assertThrows(StorageException.class, () -> KeyValueStores.open(config(directory)));
    assertEquals("open", failure.operation());
    assertTrue(failure.getMessage().contains("database at " + directory), failure.getMessage());
    assertTrue(failure.getMessage().contains("corrupt"), failure.getMessage());
  }

  @Test
  void aDirectoryThatIsAFileFailsToOpenSayingSo() throws IOException {
    Path file = Files.writeString(directory.resolve("not-a-directory"), "x");
    StorageException failure = assertThrows(StorageException.class, () -> KeyValueStores.open(config(file)));
    assertEquals("open", failure.operation());
    assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
  }
}
