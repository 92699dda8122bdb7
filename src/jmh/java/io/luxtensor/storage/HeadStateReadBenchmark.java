package io.luxtensor.storage;

import io.luxtensor.crypto.Keccak256;
import io.luxtensor.state.Account;
import io.luxtensor.state.StateSnapshot;
import io.luxtensor.state.WorldState;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A reader's account lookup at the head of an in-memory database holding 100,000 accounts, as eth_getBalance does
 * it: through the trie (the way before flat-state reads), and from the flat state while it holds the head's root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeadStateReadBenchmark {
  private static final int ACCOUNTS = 100_000;

  private KeyValueStore store;
  private ChainDatabase database;
  private final Address[] addresses = new Address[ACCOUNTS];
  private Hash root;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    store = KeyValueStores.open(StorageConfig.memory());
    database = new ChainDatabase(store);
    try (WriteBatch batch = store.newBatch()) {
      WorldState state = WorldState.at(database.trieNodes(), Account.EMPTY_STORAGE_ROOT);
      for (int i = 0; i < ACCOUNTS; i++) {
        addresses[i] = Address.wrap(Arrays.copyOf(Keccak256.hash(new byte[] {(byte) (i >> 16), (byte) (i >> 8),
            (byte) i}), Address.LENGTH));
        Account account = Account.EMPTY.withBalance(Wei.of(i + 1));
        state.setAccount(addresses[i], account);
        batch.put(Column.ACCOUNTS, addresses[i].toBytes(), account.encode());
      }
      root = state.commit(new BatchNodeStore(store, batch)).stateRoot();
      batch.commit();
    }
    database.flatStateCommitted(root);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    store.close();
  }

  @Benchmark
  public Account readThroughTheTrie() {
    return StateSnapshot.at(database.trieNodes(), root).account(nextAddress());
  }

  @Benchmark
  public Account readFromTheFlatState() {
    return StateSnapshot.at(database.trieNodes(), root, database.headFlatState()).account(nextAddress());
  }

  private Address nextAddress() {
    next = (next + 7_919) % ACCOUNTS;
    return addresses[next];
  }
}
