package io.luxtensor.types;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpItem;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

/** Decoding a typical signed EIP-1559 transfer: the RLP alone, into a typed transaction, and with its hash. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TransactionDecodeBenchmark {
  private final byte[] transfer = new DynamicFeeTransaction(31337, 42, BigInteger.valueOf(1_000_000_000L),
      BigInteger.valueOf(30_000_000_000L), 21_000,
      Optional.of(Address.wrap(Arrays.copyOfRange(Keccak256.hash(new byte[] {1}), 12, 32))), Wei.ofLux("1.5"), Bytes.EMPTY, List.of(), null)
      .sign(PrivateKey.fromBytes(Keccak256.hash(new byte[] {2}))).encode();
  private final byte[] transferPayload = Arrays.copyOfRange(transfer, 1, transfer.length);

  @Benchmark
  public RlpItem rlpDecodeTransfer() {
    return Rlp.decode(transferPayload);
  }

  @Benchmark
  public Transaction decodeTransfer() {
    return Transaction.decode(transfer);
  }

  /** What the node does with each transaction it is sent: the pool keys it by hash. */
  @Benchmark
  public Hash decodeAndHashTransfer() {
    return Transaction.decode(transfer).hash();
  }

  /** What checking a received transaction's signature hashes, before the public-key recovery itself. */
  @Benchmark
  public Hash decodeAndSigningHashTransfer() {
    return Transaction.decode(transfer).signingHash();
  }
}
