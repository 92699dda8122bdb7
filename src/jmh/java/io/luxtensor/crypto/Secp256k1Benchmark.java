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

/** secp256k1 public-key recovery (the per-transaction cost of sender recovery) and signing. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Secp256k1Benchmark {
  private final PrivateKey key = PrivateKey.fromBytes(Keccak256.hash(new byte[] {7}));
  private final byte[] hash = Keccak256.hash(new byte[] {1, 2, 3});
  private final Signature signature = Secp256k1.sign(hash, key);

  /** The arithmetic: what the first sight of a signature costs (libsecp256k1 where installed). */
  @Benchmark
  public PublicKey recover() {
    return Secp256k1.recoverUncached(hash, signature);
  }

  /** The same in BouncyCastle, the fallback: compare with {@link #recover} in one run. */
  @Benchmark
  public PublicKey recoverJava() {
    return Secp256k1.recoverWithBouncyCastle(hash, signature);
  }

  /** A signature seen before (a pooled transaction met again in a block): a cache lookup. */
  @Benchmark
  public PublicKey recoverKnown() {
    return Secp256k1.recover(hash, signature);
  }

  @Benchmark
  public Signature sign() {
    return Secp256k1.sign(hash, key);
  }
}
