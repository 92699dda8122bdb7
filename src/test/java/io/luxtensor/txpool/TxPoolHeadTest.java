package io.luxtensor.txpool;

import static io.luxtensor.testing.TxPoolTestData.gwei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.testing.InMemoryAccountState;
import io.luxtensor.testing.TxPoolTestData;
import io.luxtensor.testing.TxPoolTestData.Sender;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A new head: included and stale transactions leave, balances are re-checked, gaps re-evaluated; reorgs. */
class TxPoolHeadTest {
  private static final long BLOCK_GAS = 30_000_000;
  /** A default transfer's worst case: 1 wei + 21,000 gas × 10 gwei. */
  private static final BigInteger TRANSFER_COST = gwei(10).multiply(BigInteger.valueOf(21_000)).add(BigInteger.ONE);
  private static final Wei RICH = Wei.ofLux("10");

  private final TxPoolTestData data = new TxPoolTestData(19);
  private final Sender alice = data.sender();
  private final Sender bob = data.sender();
  private final InMemoryAccountState genesis = InMemoryAccountState.empty()
      .with(alice.address(), 0, RICH)
      .with(bob.address(), 0, RICH);
  private final TxPool pool = new TxPool(TxPoolConfig.DEFAULT, head(genesis));

  private static ChainHead head(InMemoryAccountState accounts) {
    return new ChainHead(accounts, gwei(1), BLOCK_GAS);
  }

  private List<ValidatedTransaction> addAll(ValidatedTransaction... txs) {
    for (ValidatedTransaction tx : txs) {
      pool.add(tx);
    }
    return List.of(txs);
  }

  @Test
  void includedTransactionsLeave() {
    ValidatedTransaction alice0 = data.transfer(alice, 0);
    ValidatedTransaction alice1 = data.transfer(alice, 1);
    ValidatedTransaction alice2 = data.transfer(alice, 2);
    ValidatedTransaction bob0 = data.transfer(bob, 0);
    addAll(alice0, alice1, alice2, bob0);
    pool.onNewHead(head(genesis.with(alice.address(), 2, RICH)));
    assertTrue(pool.get(alice0.hash()).isEmpty());
    assertTrue(pool.get(alice1.hash()).isEmpty());
    assertEquals(List.of(alice2), pool.contentFrom(alice.address()).pending());
    assertEquals(new PoolStatus(2, 0), pool.status());
    assertEquals(3, pool.pendingNonce(alice.address()));
  }

  @Test
  void aNonceSpentElsewhereRemovesThePoolsTransactionAndPromotesTheQueueBehindIt() {
    ValidatedTransaction alice0 = data.transfer(alice, 0);
    ValidatedTransaction alice2 = data.transfer(alice, 2);
    ValidatedTransaction alice3 = data.transfer(alice, 3);
    addAll(alice0, alice2, alice3);
    assertEquals(new PoolStatus(1, 2), pool.status());
    pool.onNewHead(head(genesis.with(alice.address(), 2, RICH)));
    assertEquals(new SenderContent(alice.address(), List.of(alice2, alice3), List.of()),
        pool.contentFrom(alice.address()));
    assertEquals(new PoolStatus(2, 0), pool.status());
  }

  @Test
  void aLowerBalanceDropsTheTransactionsItNoLongerCoversFromTheHighestNonce() {
    List<ValidatedTransaction> txs = addAll(data.transfer(alice, 0), data.transfer(alice, 1), data.transfer(alice, 2),
        data.transfer(alice, 4));
    pool.onNewHead(head(genesis.with(alice.address(), 0, Wei.of(TRANSFER_COST.multiply(BigInteger.TWO)))));
    assertEquals(new SenderContent(alice.address(), txs.subList(0, 2), List.of()), pool.contentFrom(alice.address()));
    assertEquals(new PoolStatus(2, 0), pool.status());
  }

  @Test
  void aTransactionTheBalanceNoLongerCoversTakesItsSendersLaterNoncesWithIt() {
    ValidatedTransaction alice0 = data.transfer(alice, 0);
    ValidatedTransaction aliceCostly = data.tx(alice, 1).value(Wei.ofLux("5")).build();
    addAll(alice0, aliceCostly, data.transfer(alice, 2));
    pool.onNewHead(head(genesis.with(alice.address(), 0, Wei.ofLux("1"))));
    assertEquals(new SenderContent(alice.address(), List.of(alice0), List.of()), pool.contentFrom(alice.address()));
  }

  @Test
  void aLowerBlockGasLimitDropsWhatNoLongerFitsAndQueuesWhatFollows() {
    ValidatedTransaction alice0 = data.transfer(alice, 0);
    ValidatedTransaction aliceHeavy = data.tx(alice, 1).gasLimit(100_000).build();
    ValidatedTransaction alice2 = data.transfer(alice, 2);
    addAll(alice0, aliceHeavy, alice2);
    pool.onNewHead(new ChainHead(genesis, gwei(1), 50_000));
    assertEquals(new SenderContent(alice.address(), List.of(alice0), List.of(alice2)),
        pool.contentFrom(alice.address()));
    assertEquals(new PoolStatus(1, 1), pool.status());
  }

  @Test
  void aHigherBaseFeeKeepsTransactionsButRanksThoseItPricesOutFirstForEviction() {
    TxPool small = new TxPool(new TxPoolConfig(2, 2, 128 * 1024, 1 << 20, BigInteger.ZERO), head(genesis));
    ValidatedTransaction lowCapHighTip = data.tx(alice, 0).maxFee(gwei(10)).tip(gwei(5)).build();
    ValidatedTransaction highCapLowTip = data.transferWithTip(bob, 0, 2);
    small.add(lowCapHighTip);
    small.add(highCapLowTip);
    small.onNewHead(new ChainHead(genesis, gwei(20), BLOCK_GAS));
    assertEquals(new PoolStatus(2, 0), small.status());
    assertEquals(List.of(highCapLowTip), small.selectForBlock(gwei(20), BLOCK_GAS));

    Sender carol = data.sender();
    small.onNewHead(new ChainHead(genesis.with(carol.address(), 0, RICH), gwei(20), BLOCK_GAS));
    small.add(data.transferWithTip(carol, 0, 1));
    assertTrue(small.get(lowCapHighTip.hash()).isEmpty());
    assertTrue(small.get(highCapLowTip.hash()).isPresent());
  }

  @Test
  void aReorgThatRevertsIncludedTransactionsQueuesTheRestUntilTheyAreReinjected() {
    ValidatedTransaction alice0 = data.transfer(alice, 0);
    ValidatedTransaction alice1 = data.transfer(alice, 1);
    ValidatedTransaction alice2 = data.transfer(alice, 2);
    addAll(alice0, alice1, alice2);
    pool.onNewHead(head(genesis.with(alice.address(), 2, RICH)));

    pool.onNewHead(head(genesis));
    assertEquals(new SenderContent(alice.address(), List.of(), List.of(alice2)), pool.contentFrom(alice.address()));
    assertEquals(2, pool.reinject(List.of(alice0, alice1)));
    assertEquals(new SenderContent(alice.address(), List.of(alice0, alice1, alice2), List.of()),
        pool.contentFrom(alice.address()));
    assertEquals(3, pool.pendingNonce(alice.address()));
  }

  @Test
  void reinjectionQuietlySkipsWhatIsPooledAlreadyOrIncludedOnTheNewChain() {
    ValidatedTransaction alice0 = data.transfer(alice, 0);
    ValidatedTransaction bob0 = data.transfer(bob, 0);
    ValidatedTransaction bob1 = data.transfer(bob, 1);
    addAll(bob0);
    pool.onNewHead(head(genesis.with(alice.address(), 1, RICH)));
    assertEquals(1, pool.reinject(List.of(alice0, bob0, bob1)));
    assertEquals(new PoolStatus(2, 0), pool.status());
    assertTrue(pool.get(alice0.hash()).isEmpty());
  }
}
