package io.luxtensor.p2p.transport;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AES-256-GCM of one transport frame, in a fresh JVM per size as a node meets it. Sealing encrypts in pieces
 * ({@link FrameCipher#SEAL_PIECE_BYTES}); opening decrypts in one call, as AES-GCM must check the whole frame before
 * it releases any of it, so on large frames the two compare the JVM's compiled and interpreted AES-GCM.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FrameCipherBenchmark {
  private static final byte[] KEY = new byte[32];

  @Param({"1024", "8388608"})
  int bytes;

  private byte[] plaintext;
  private byte[] sealedBody;

  @Setup
  public void frame() {
    plaintext = new byte[bytes];
    new Random(1).nextBytes(plaintext);
    byte[] frame = new FrameCipher(KEY).seal(plaintext);
    sealedBody = Arrays.copyOfRange(frame, FrameDecoder.LENGTH_BYTES, frame.length);
  }

  @Benchmark
  public byte[] seal() {
    return new FrameCipher(KEY).seal(plaintext);
  }

  @Benchmark
  public byte[] open() throws TransportException {
    return new FrameCipher(KEY).open(sealedBody);
  }
}
