package io.luxtensor.crypto;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.KeccakDigest;
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
 * Keccak-256 of a 150-byte payload, about the size of a signed transfer, and of 532 bytes, a branch node of the
 * state trie with all sixteen children: the node's own implementation against BouncyCastle's digest, which it
 * replaced.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Keccak256Benchmark {
  private final byte[] payload = new byte[150];
  private final byte[] branchNode = new byte[532];
  private final KeccakDigest bouncyCastle = new KeccakDigest(256);

  {
    new Random(1).nextBytes(payload);
    new Random(2).nextBytes(branchNode);
  }

  @Benchmark
  public byte[] keccak150Bytes() {
    return Keccak256.hash(payload);
  }

  @Benchmark
  public byte[] keccak532Bytes() {
    return Keccak256.hash(branchNode);
  }

  @Benchmark
  public byte[] keccak150BytesBouncyCastle() {
    return bouncyCastle(payload);
  }

  @Benchmark
  public byte[] keccak532BytesBouncyCastle() {
    return bouncyCastle(branchNode);
  }

  private byte[] bouncyCastle(byte[] input) {
    bouncyCastle.update(input, 0, input.length);
    byte[] out = new byte[Keccak256.LENGTH];
    bouncyCastle.doFinal(out, 0);
    return out;
  }
}
