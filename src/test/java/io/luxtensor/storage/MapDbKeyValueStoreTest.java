package io.luxtensor.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

class MapDbKeyValueStoreTest extends PersistentKeyValueStoreContractTest {

  @Override
  StorageConfig config(Path directory) {
    return StorageConfig.persistent(StorageEngine.MAPDB, directory);
  }

  /** The file starts with MapDB's header (format, feature bits, checksum). */
  @Override
  void corrupt(Path directory) throws IOException {
    Files.write(directory.resolve(MapDbStore.FILE_NAME), new byte[16], StandardOpenOption.WRITE);
  }
}
