package io.luxtensor.txpool;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.testing.InMemoryAccountState;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
 * The pool at the throughput target's scale: 10,000 signed EIP-1559 transfers from 1,000 senders (10 nonces each,
 * arriving round-robin, tips and fee caps seeded-random): admitting them all into an empty pool, selecting a 30M-gas
 * block (1,428 transfers) from the full pool, and moving the full pool to the head that block produced.
 * Signing the 10,000 transactions happens once, in set-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TxPoolBenchmark {
  private static final int SENDERS = 1_000;
  private static final int NONCES = 10;
  private static final long BLOCK_GAS = 30_000_000;
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger BASE_FEE = GWEI;

  private final List<ValidatedTransaction> arrivals = new ArrayList<>(SENDERS * NONCES);
  private ChainHead genesis;
  private ChainHead afterBlock;
  private TxPool full;

  @Setup(Level.Trial)
  public void signTransactions() {
    Random random = new Random(42);
    List<PrivateKey> keys = new ArrayList<>(SENDERS);
    Map<Address, Wei> balances = new HashMap<>();
    for (int i = 0; i < SENDERS; i++) {
      PrivateKey key = PrivateKey.fromBytes(Keccak256.hash(ByteBuffer.allocate(4).putInt(i).array()));
      keys.add(key);
      balances.put(Address.of(key.publicKey()), Wei.ofLux("1000"));
    }
    Address recipient = Address.wrap(new byte[20]);
    for (int nonce = 0; nonce < NONCES; nonce++) {
      for (int i = 0; i < SENDERS; i++) {
        BigInteger tip = BigInteger.valueOf(1 + random.nextInt(5_000)).multiply(GWEI).divide(BigInteger.valueOf(1_000));
        BigInteger feeCap = BASE_FEE.multiply(BigInteger.TWO).add(tip);
        DynamicFeeTransaction tx = new DynamicFeeTransaction(31337, nonce, tip, feeCap, 21_000,
            Optional.of(recipient), Wei.of(1 + random.nextInt(1_000_000)), Bytes.EMPTY, List.of(), null);
        PrivateKey key = keys.get(i);
        arrivals.add(ValidatedTransaction.of(tx.sign(key), Address.of(key.publicKey())));
      }
    }
    InMemoryAccountState accounts = InMemoryAccountState.empty().withAll(balances, 0);
    genesis = new ChainHead(accounts, BASE_FEE, BLOCK_GAS);
    full = addAll();
    for (ValidatedTransaction tx : full.selectForBlock(BASE_FEE, BLOCK_GAS)) {
      accounts = accounts.with(tx.sender(), tx.nonce() + 1, accounts.balance(tx.sender()));
    }
    afterBlock = new ChainHead(accounts, BASE_FEE.add(BASE_FEE.divide(BigInteger.valueOf(8))), BLOCK_GAS);
  }

  @Benchmark
  public TxPool add10kTransfersFrom1kSenders() {
    return addAll();
  }

  @Benchmark
  public List<ValidatedTransaction> select30MGasBlockOfTransfers() {
    return full.selectForBlock(BASE_FEE, BLOCK_GAS);
  }

  @Benchmark
  public TxPool onNewHeadAfter30MGasBlock(FreshFullPool fresh) {
    fresh.pool.onNewHead(afterBlock);
    return fresh.pool;
  }

  /** A full pool per call, since moving to a new head changes it; refilled outside the measured time. */
  @State(Scope.Thread)
  public static class FreshFullPool {
    TxPool pool;

    @Setup(Level.Invocation)
    public void fill(TxPoolBenchmark transactions) {
      pool = transactions.addAll();
    }
  }

  private TxPool addAll() {
    TxPool pool = new TxPool(TxPoolConfig.DEFAULT, genesis);
    for (ValidatedTransaction tx : arrivals) {
      if (pool.add(tx) instanceof AddResult.Rejected rejected) {
        throw new IllegalStateException("benchmark transaction refused: " + rejected.message());
      }
    }
    return pool;
  }
}
