package io.luxtensor.trie;

import io.luxtensor.crypto.Keccak256;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inserting 10,000 keys into an empty secure trie (account-like: 32-byte hashed keys, ~70-byte values), then
 * computing the root; and the same followed by a commit to an in-memory node store.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrieInsertBenchmark {
  private static final int KEYS = 10_000;
  private final byte[][] keys = new byte[KEYS][];
  private final byte[][] values = new byte[KEYS][];

  {
    for (int i = 0; i < KEYS; i++) {
      keys[i] = Keccak256.hash(new byte[] {(byte) (i >> 16), (byte) (i >> 8), (byte) i});
      values[i] = new byte[70];
      System.arraycopy(keys[i], 0, values[i], 0, 32);
    }
  }

  @Benchmark
  public byte[] insert10kKeysAndHash() {
    Trie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore());
    for (int i = 0; i < KEYS; i++) {
      trie.put(keys[i], values[i]);
    }
    return trie.rootHash();
  }

  @Benchmark
  public byte[] insert10kKeysAndCommit() {
    Trie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore());
    for (int i = 0; i < KEYS; i++) {
      trie.put(keys[i], values[i]);
    }
    return trie.commit();
  }
}
