package io.luxtensor.crypto;

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

/** ECVRF-P256 verification: every block's proof, checked once by every node that imports or syncs it. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EcvrfBenchmark {
  private final byte[] secretKey = Keccak256.hash(new byte[] {9});
  private final byte[] publicKey = Ecvrf.publicKey(secretKey);
  private final byte[] alpha = Keccak256.hash(new byte[] {4, 2});
  private final byte[] proof = Ecvrf.prove(secretKey, alpha);

  @Benchmark
  public byte[] verify() {
    return Ecvrf.verifyUncached(publicKey, proof, alpha);
  }

  @Benchmark
  public byte[] prove() {
    return Ecvrf.prove(secretKey, alpha);
  }
}
