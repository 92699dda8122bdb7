package io.luxtensor.txpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.testing.InMemoryAccountState;
import io.luxtensor.testing.TestData;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random sequences of submissions, sealed blocks (which execute what the pool selected) and reorgs (which revert
 * the last block and reinject its transactions), on a pool small enough that its limits bind. After every step the
 * pool's invariants hold, and every block it selects is what a naive greedy scan over its content would pick.
 */
class TxPoolProperties {
  private static final int SENDERS = 4;
  private static final long BLOCK_GAS_LIMIT = 30_000_000;
  private static final long TRANSFER_GAS = 21_000;
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final Wei STARTING_BALANCE = Wei.of(BigInteger.valueOf(5).multiply(BigInteger.TEN.pow(15)));
  private static final TxPoolConfig SMALL = new TxPoolConfig(12, 5, 1_000, 2_400, BigInteger.ZERO);
  private static final List<PrivateKey> KEYS =
      IntStream.range(0, SENDERS).mapToObj(i -> new TestData(1_000 + i).key()).toList();
  private static final List<Address> ADDRESSES = KEYS.stream().map(k -> Address.of(k.publicKey())).toList();
  private static final Address RECIPIENT = new TestData(999).address();

  sealed interface Step {}

  /**
   * A transaction from sender {@code sender} at its pending nonce plus {@code nonceOffset}: below it a replacement
   * (or a spent nonce), at it the next executable one, above it one behind a gap.
   */
  record Submit(int sender, int nonceOffset, int feeCapGwei, int tipGwei, long valueGwei, int dataBytes)
      implements Step {}

  /**
   * A block of at most {@code transfers} transfers' gas selected from the pool and executed; then, if
   * {@code outsider} names a sender, a transaction of its from elsewhere spends its next nonce and {@code cutPercent}
   * of its balance; the next block's base fee is {@code nextBaseFeeGwei}.
   */
  record Seal(int transfers, int nextBaseFeeGwei, int outsider, int cutPercent) implements Step {}

  /** The last sealed block is reverted; its transactions go back to the pool. */
  record Reorg() implements Step {}

  @Property(tries = 300)
  void invariantsHoldAfterEveryStep(@ForAll("steps") List<Step> steps) {
    Chain chain = new Chain();
    TxPool pool = new TxPool(SMALL, chain.head());
    for (Step step : steps) {
      switch (step) {
        case Submit submit -> chain.submit(pool, submit);
        case Seal seal -> chain.seal(pool, seal);
        case Reorg reorg -> chain.revertLastBlock(pool);
      }
      assertInvariants(pool, chain);
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> submit = Combinators.combine(
        Arbitraries.integers().between(0, SENDERS - 1),
        Arbitraries.integers().between(-2, 3),
        Arbitraries.integers().between(1, 20),
        Arbitraries.integers().between(0, 20),
        Arbitraries.longs().between(0, 2_000_000),
        Arbitraries.of(0, 0, 0, 200, 600))
        .as(Submit::new);
    Arbitrary<Step> seal = Combinators.combine(
        Arbitraries.integers().between(0, 8),
        Arbitraries.integers().between(1, 15),
        Arbitraries.integers().between(-1, SENDERS - 1),
        Arbitraries.integers().between(0, 100))
        .as(Seal::new);
    Arbitrary<Step> reorg = Arbitraries.just(new Reorg());
    return Arbitraries.frequencyOf(Tuple.of(8, submit), Tuple.of(2, seal), Tuple.of(1, reorg))
        .list().ofMinSize(1).ofMaxSize(60);
  }

  private static void assertInvariants(TxPool pool, Chain chain) {
    Set<Hash> pending = new HashSet<>();
    Set<Hash> queued = new HashSet<>();
    long sizeBytes = 0;
    for (SenderContent sender : pool.content()) {
      long nonce = chain.accounts.nonce(sender.sender());
      BigInteger committed = BigInteger.ZERO;
      for (int i = 0; i < sender.pending().size(); i++) {
        assertEquals(nonce + i, sender.pending().get(i).nonce(), "pending nonces run on from the account nonce");
      }
      long previous = nonce + sender.pending().size();
      for (ValidatedTransaction tx : sender.queued()) {
        assertTrue(tx.nonce() > previous, "queued nonces sit behind a gap, ascending");
        previous = tx.nonce();
      }
      for (ValidatedTransaction tx : concat(sender.pending(), sender.queued())) {
        assertEquals(sender.sender(), tx.sender());
        assertEquals(Optional.of(tx), pool.get(tx.hash()));
        committed = committed.add(Fees.maxCost(tx.tx()));
        sizeBytes += tx.encodedSize();
      }
      assertTrue(committed.compareTo(chain.accounts.balance(sender.sender()).value()) <= 0,
          "the balance covers every pooled transaction of the sender");
      assertTrue(sender.pending().size() + sender.queued().size() <= SMALL.senderTransactionsMax());
      assertEquals(nonce + sender.pending().size(), pool.pendingNonce(sender.sender()));
      sender.pending().forEach(tx -> pending.add(tx.hash()));
      sender.queued().forEach(tx -> queued.add(tx.hash()));
    }
    assertTrue(pending.stream().noneMatch(queued::contains), "no transaction is both pending and queued");
    assertEquals(new PoolStatus(pending.size(), queued.size()), pool.status());
    assertTrue(pending.size() + queued.size() <= SMALL.poolTransactionsMax());
    assertEquals(sizeBytes, pool.sizeBytes());
    assertTrue(sizeBytes <= SMALL.poolSizeBytesMax());
  }

  private static List<ValidatedTransaction> concat(List<ValidatedTransaction> a, List<ValidatedTransaction> b) {
    List<ValidatedTransaction> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The chain the pool sits on, with the pool's arrival order as the test observed it. */
  private static final class Chain {
    private record Block(InMemoryAccountState parent, BigInteger parentBaseFee, List<ValidatedTransaction> txs) {}

    private InMemoryAccountState accounts = InMemoryAccountState.empty()
        .withAll(ADDRESSES.stream().collect(Collectors.toMap(a -> a, a -> STARTING_BALANCE)), 0);
    private BigInteger baseFee = GWEI;
    private final Deque<Block> blocks = new ArrayDeque<>();
    private final Map<Hash, Long> arrivals = new HashMap<>();
    private long arrivalCount;

    ChainHead head() {
      return new ChainHead(accounts, baseFee, BLOCK_GAS_LIMIT);
    }

    void submit(TxPool pool, Submit step) {
      Address sender = ADDRESSES.get(step.sender());
      long nonce = Math.max(0, pool.pendingNonce(sender) + step.nonceOffset());
      BigInteger feeCap = GWEI.multiply(BigInteger.valueOf(step.feeCapGwei()));
      BigInteger tip = GWEI.multiply(BigInteger.valueOf(Math.min(step.tipGwei(), step.feeCapGwei())));
      ValidatedTransaction tx = ValidatedTransaction.of(new DynamicFeeTransaction(TestData.CHAIN_ID, nonce, tip,
          feeCap, TRANSFER_GAS + 4L * step.dataBytes(), Optional.of(RECIPIENT),
          Wei.of(GWEI.multiply(BigInteger.valueOf(step.valueGwei()))), Bytes.of(new byte[step.dataBytes()]), List.of(),
          null).sign(KEYS.get(step.sender())), sender);
      if (!(pool.add(tx) instanceof AddResult.Rejected)) {
        arrivals.put(tx.hash(), arrivalCount++);
      }
    }

    void seal(TxPool pool, Seal step) {
      long gasLimit = step.transfers() * TRANSFER_GAS + 3_000;
      List<ValidatedTransaction> block = pool.selectForBlock(baseFee, gasLimit);
      assertEquals(naiveGreedySelection(pool.content(), gasLimit), block);
      assertTrue(block.stream().mapToLong(tx -> tx.tx().gasLimit()).sum() <= gasLimit);
      InMemoryAccountState parent = accounts;
      for (ValidatedTransaction tx : block) {
        assertEquals(accounts.nonce(tx.sender()), tx.nonce(), "selection keeps each sender's nonce order");
        BigInteger price = baseFee.add(Fees.effectiveTip(tx.tx(), baseFee));
        assertTrue(price.compareTo(tx.tx().maxFeePerGas()) <= 0, "a selected fee cap covers the base fee");
        BigInteger charged = price.multiply(BigInteger.valueOf(tx.tx().gasLimit())).add(tx.tx().value().value());
        BigInteger balance = accounts.balance(tx.sender()).value();
        assertTrue(charged.compareTo(balance) <= 0, "a selected transaction is affordable");
        accounts = accounts.with(tx.sender(), tx.nonce() + 1, Wei.of(balance.subtract(charged)));
      }
      if (step.outsider() >= 0) {
        Address outsider = ADDRESSES.get(step.outsider());
        BigInteger balance = accounts.balance(outsider).value();
        BigInteger cut = balance.multiply(BigInteger.valueOf(step.cutPercent())).divide(BigInteger.valueOf(100));
        accounts = accounts.with(outsider, accounts.nonce(outsider) + 1, Wei.of(balance.subtract(cut)));
      }
      blocks.push(new Block(parent, baseFee, block));
      baseFee = GWEI.multiply(BigInteger.valueOf(step.nextBaseFeeGwei()));
      pool.onNewHead(head());
    }

    void revertLastBlock(TxPool pool) {
      if (blocks.isEmpty()) {
        return;
      }
      Block reverted = blocks.pop();
      accounts = reverted.parent();
      baseFee = reverted.parentBaseFee();
      pool.onNewHead(head());
      pool.reinject(reverted.txs());
      // Included transactions left the pool at the seal, so each one present now was just readmitted, in order.
      for (ValidatedTransaction tx : reverted.txs()) {
        if (pool.get(tx.hash()).isPresent()) {
          arrivals.put(tx.hash(), arrivalCount++);
        }
      }
    }

    /**
     * The block rule spelled out as a scan: repeatedly take, among each sender's next pending transaction whose fee
     * cap covers the base fee, the highest effective tip (earliest arrival on ties); a sender whose next one does not
     * fit the gas left is out.
     */
    private List<ValidatedTransaction> naiveGreedySelection(List<SenderContent> content, long gasLimit) {
      Comparator<ValidatedTransaction> best = Comparator
          .comparing((ValidatedTransaction tx) -> Fees.effectiveTip(tx.tx(), baseFee))
          .thenComparing(tx -> -arrivals.get(tx.hash()));
      List<List<ValidatedTransaction>> queues = new ArrayList<>();
      content.forEach(s -> queues.add(new ArrayList<>(s.pending())));
      List<ValidatedTransaction> block = new ArrayList<>();
      long gasLeft = gasLimit;
      while (gasLeft >= TRANSFER_GAS) {
        Optional<List<ValidatedTransaction>> chosen = queues.stream()
            .filter(q -> !q.isEmpty() && q.get(0).tx().maxFeePerGas().compareTo(baseFee) >= 0)
            .max(Comparator.comparing(q -> q.get(0), best));
        if (chosen.isEmpty()) {
          break;
        }
        ValidatedTransaction next = chosen.get().get(0);
        if (next.tx().gasLimit() <= gasLeft) {
          block.add(next);
          gasLeft -= next.tx().gasLimit();
          chosen.get().remove(0);
        } else {
          chosen.get().clear();
        }
      }
      return block;
    }
  }
}
