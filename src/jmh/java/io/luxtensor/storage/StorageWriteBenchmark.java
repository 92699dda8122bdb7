package io.luxtensor.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Puts per second into a growing store: 100-byte values under random 32-byte keys (as trie nodes are keyed),
 * committed in batches of 1,000, with each engine's default options (no fsync per commit).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class StorageWriteBenchmark {
  private static final int BATCH_PUTS = 1_000;

  @Param({"memory", "rocksdb"})
  public String engine;

  private final SplittableRandom random = new SplittableRandom(1);
  private final byte[] value = new byte[100];
  private Path directory;
  private KeyValueStore store;

  @Setup(Level.Trial)
  public void open() throws IOException {
    StorageEngine chosen = StorageEngine.fromConfigName(engine);
    random.nextBytes(value);
    if (chosen.persistent()) {
      directory = Files.createTempDirectory("storage-benchmark");
      store = KeyValueStores.open(StorageConfig.persistent(chosen, directory));
    } else {
      store = KeyValueStores.open(StorageConfig.memory());
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH_PUTS)
  public void commitBatchOf1000Puts() {
    try (WriteBatch batch = store.newBatch()) {
      for (int i = 0; i < BATCH_PUTS; i++) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        batch.put(Column.TRIE_NODES, key, value);
      }
      batch.commit();
    }
  }
}
