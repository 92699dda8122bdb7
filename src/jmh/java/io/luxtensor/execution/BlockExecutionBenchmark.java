package io.luxtensor.execution;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.chain.DevChain;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.state.Account;
import io.luxtensor.state.WorldState;
import io.luxtensor.storage.BatchNodeStore;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.KeyValueStore;
import io.luxtensor.storage.KeyValueStores;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.storage.StorageEngine;
import io.luxtensor.storage.WriteBatch;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Wei;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Executing a block of 1,000 transfers from 1,000 senders (senders already recovered, as the pool hands them over)
 * and committing its state in one atomic batch, on the in-memory store and on RocksDB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlockExecutionBenchmark {
  private static final int TRANSFERS = 1_000;

  @Param({"memory", "rocksdb"})
  String engine;

  private Path directory;
  private KeyValueStore store;
  private ChainDatabase database;
  private Hash genesisRoot;
  private final List<RecoveredTransaction> transfers = new ArrayList<>();
  private final BlockExecutor executor = new BlockExecutor(new TransactionProcessor(SystemContracts.standard()));
  private final BlockContext context = new BlockContext(DevChain.CHAIN_ID, 1, 1, 1,
      Address.fromHex("0x8C8d35429F74ec245F8Ef2f4Fd1e551cFF97d650"), BigInteger.valueOf(1_000_000_000L), 100_000_000);

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    directory = Files.createTempDirectory("luxtensor-bench");
    StorageEngine storageEngine = StorageEngine.fromConfigName(engine);
    store = KeyValueStores.open(storageEngine.persistent()
        ? StorageConfig.persistent(storageEngine, directory.resolve("db")) : StorageConfig.memory());
    database = new ChainDatabase(store);
    try (WriteBatch batch = store.newBatch()) {
      WorldState state = WorldState.at(new BatchNodeStore(store, batch), Account.EMPTY_STORAGE_ROOT);
      for (int i = 0; i < TRANSFERS; i++) {
        PrivateKey key = PrivateKey.fromBytes(Keccak256.hash(new byte[] {(byte) (i >> 8), (byte) i, 7}));
        Address sender = Address.of(key.publicKey());
        state.setAccount(sender, Account.EMPTY.withBalance(Wei.ofLux("100")));
        var tx = new DynamicFeeTransaction(DevChain.CHAIN_ID, 0, BigInteger.ONE, BigInteger.valueOf(2_000_000_000L),
            21_000, Optional.of(Address.wrap(Arrays.copyOf(Keccak256.hash(key.toBytes()), 20))),
            Wei.of(1_000), Bytes.EMPTY, List.of(), null).sign(key);
        transfers.add(new RecoveredTransaction(tx, sender));
      }
      genesisRoot = state.commit(new BatchNodeStore(store, batch)).stateRoot();
      batch.commit();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    store.close();
    try (var files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public Hash executeAndCommit1000Transfers() throws InvalidBlockTransactionException {
    try (WriteBatch batch = store.newBatch()) {
      WorldState state = WorldState.at(database.trieNodes(), genesisRoot);
      BlockExecution execution = executor.execute(state, context, transfers);
      if (execution.transactions().size() != TRANSFERS) {
        throw new IllegalStateException("not every transfer executed");
      }
      Hash root = state.commit(new BatchNodeStore(store, batch)).stateRoot();
      batch.commit();
      return root;
    }
  }
}
