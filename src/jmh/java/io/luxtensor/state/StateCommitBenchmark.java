package io.luxtensor.state;

import io.luxtensor.crypto.Keccak256;
import io.luxtensor.trie.InMemoryNodeStore;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Committing a block that changes 2,000 accounts of a state holding 100,000 (trie reads, updates, hashing, writes).
 * Each iteration starts from a fresh store: the store otherwise grows by every op's nodes, and so does the work of
 * the garbage collector, which made iterations of one run differ fourfold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StateCommitBenchmark {
  private static final int ACCOUNTS = 100_000;
  private static final int TOUCHED = 2_000;

  private InMemoryNodeStore nodes;
  private final Address[] addresses = new Address[ACCOUNTS];
  private Hash root;
  private int round;

  @Setup(Level.Iteration)
  public void setUp() {
    nodes = new InMemoryNodeStore();
    WorldState state = WorldState.at(nodes, Account.EMPTY_STORAGE_ROOT);
    for (int i = 0; i < ACCOUNTS; i++) {
      addresses[i] = Address.wrap(Arrays.copyOf(Keccak256.hash(new byte[] {(byte) (i >> 16), (byte) (i >> 8), (byte) i}), 20));
      state.setAccount(addresses[i], Account.EMPTY.withBalance(Wei.of(i + 1)));
    }
    root = state.commit(nodes).stateRoot();
  }

  @Benchmark
  public Hash commitBlockTouching2000Accounts() {
    WorldState state = WorldState.at(nodes, root);
    int offset = (round++ * TOUCHED) % ACCOUNTS;
    for (int i = 0; i < TOUCHED; i++) {
      Address address = addresses[(offset + i * 37) % ACCOUNTS];
      state.addBalance(address, Wei.of(1));
    }
    return state.commit(nodes).stateRoot();
  }
}
