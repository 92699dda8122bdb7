package io.luxtensor.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class RocksDbKeyValueStoreTest extends PersistentKeyValueStoreContractTest {

  @Override
  StorageConfig config(Path directory) {
    return StorageConfig.persistent(StorageEngine.ROCKSDB, directory);
  }

  /** CURRENT names the live manifest; RocksDB refuses to guess when it is garbage. */
  @Override
  void corrupt(Path directory) throws IOException {
    Files.writeString(directory.resolve("CURRENT"), "garbage");
  }
}
