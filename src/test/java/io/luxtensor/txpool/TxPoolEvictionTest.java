package io.luxtensor.txpool;

import static io.luxtensor.testing.TxPoolTestData.gwei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.testing.InMemoryAccountState;
import io.luxtensor.testing.TxPoolTestData;
import io.luxtensor.testing.TxPoolTestData.Sender;
import io.luxtensor.txpool.AddResult.AddedPending;
import io.luxtensor.txpool.AddResult.AddedQueued;
import io.luxtensor.txpool.AddResult.Rejected;
import io.luxtensor.txpool.AddResult.Replaced;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A full pool: who leaves for a newcomer, and who is refused. */
class TxPoolEvictionTest {
  private final TxPoolTestData data = new TxPoolTestData(17);
  private final Sender alice = data.sender();
  private final Sender bob = data.sender();
  private final Sender carol = data.sender();
  private final Sender dave = data.sender();
  private final InMemoryAccountState accounts = InMemoryAccountState.empty()
      .with(alice.address(), 0, Wei.ofLux("10"))
      .with(bob.address(), 0, Wei.ofLux("10"))
      .with(carol.address(), 0, Wei.ofLux("10"))
      .with(dave.address(), 0, Wei.ofLux("10"));

  private TxPool poolOf(int transactionsMax) {
    return poolOf(new TxPoolConfig(transactionsMax, transactionsMax, 128 * 1024, 1 << 20, BigInteger.ZERO));
  }

  private TxPool poolOf(TxPoolConfig config) {
    return new TxPool(config, new ChainHead(accounts, gwei(1), 30_000_000));
  }

  private static void fill(TxPool pool, ValidatedTransaction... txs) {
    for (ValidatedTransaction tx : txs) {
      assertInstanceOf(AddedPending.class, pool.add(tx));
    }
  }

  @Test
  void aBetterPayingTransactionDisplacesTheCheapest() {
    TxPool pool = poolOf(3);
    ValidatedTransaction cheapest = data.transferWithTip(alice, 0, 1);
    fill(pool, cheapest, data.transferWithTip(bob, 0, 3), data.transferWithTip(carol, 0, 5));
    ValidatedTransaction newcomer = data.transferWithTip(dave, 0, 2);
    assertEquals(new AddedPending(List.of()), pool.add(newcomer));
    assertTrue(pool.get(cheapest.hash()).isEmpty());
    assertTrue(pool.get(newcomer.hash()).isPresent());
    assertEquals(new PoolStatus(3, 0), pool.status());
  }

  @Test
  void amongTheEquallyCheapTheNewestLeavesFirst() {
    TxPool pool = poolOf(3);
    ValidatedTransaction older = data.transferWithTip(alice, 0, 1);
    ValidatedTransaction newer = data.transferWithTip(bob, 0, 1);
    fill(pool, older, newer, data.transferWithTip(carol, 0, 5));
    pool.add(data.transferWithTip(dave, 0, 2));
    assertTrue(pool.get(older.hash()).isPresent());
    assertTrue(pool.get(newer.hash()).isEmpty());
  }

  @Test
  void payingOnlyAsMuchAsTheCheapestIsUnderpriced() {
    TxPool pool = poolOf(2);
    fill(pool, data.transferWithTip(alice, 0, 2), data.transferWithTip(bob, 0, 3));
    List<SenderContent> before = pool.content();
    for (long tip : new long[] {1, 2}) {
      Rejected rejected = assertInstanceOf(Rejected.class, pool.add(data.transferWithTip(carol, 0, tip)));
      assertEquals(TxPoolRejection.UNDERPRICED, rejected.reason());
    }
    assertEquals(before, pool.content());
  }

  @Test
  void queuedTransactionsLeaveBeforePendingOnesWhateverTheyPay() {
    TxPool pool = poolOf(3);
    ValidatedTransaction queuedRich = data.transferWithTip(carol, 5, 50);
    fill(pool, data.transferWithTip(alice, 0, 1), data.transferWithTip(bob, 0, 2));
    assertEquals(new AddedQueued(), pool.add(queuedRich));
    assertEquals(new AddedPending(List.of()), pool.add(data.transferWithTip(dave, 0, 1)));
    assertTrue(pool.get(queuedRich.hash()).isEmpty());
    assertEquals(new PoolStatus(3, 0), pool.status());
  }

  @Test
  void aQueuedNewcomerDisplacesOnlyCheaperQueuedOnes() {
    TxPool pool = poolOf(2);
    ValidatedTransaction queuedCheap = data.transferWithTip(bob, 4, 1);
    fill(pool, data.transferWithTip(alice, 0, 1));
    pool.add(queuedCheap);

    ValidatedTransaction queuedRich = data.transferWithTip(carol, 4, 7);
    assertEquals(new AddedQueued(), pool.add(queuedRich));
    assertTrue(pool.get(queuedCheap.hash()).isEmpty());

    Rejected rejected = assertInstanceOf(Rejected.class, pool.add(data.transferWithTip(dave, 4, 7)));
    assertEquals(TxPoolRejection.UNDERPRICED, rejected.reason());
  }

  @Test
  void evictingFromTheMiddleOfASendersRunQueuesTheRestOfIt() {
    TxPool pool = poolOf(4);
    ValidatedTransaction alice0 = data.transferWithTip(alice, 0, 1);
    ValidatedTransaction alice1 = data.transferWithTip(alice, 1, 9);
    fill(pool, alice0, alice1, data.transferWithTip(bob, 0, 5), data.transferWithTip(bob, 1, 6));
    pool.add(data.transferWithTip(carol, 0, 3));
    assertEquals(new SenderContent(alice.address(), List.of(), List.of(alice1)), pool.contentFrom(alice.address()));
    assertEquals(new PoolStatus(3, 1), pool.status());
    assertEquals(0, pool.pendingNonce(alice.address()));
  }

  @Test
  void aNewcomerNeverDisplacesItsOwnSendersEarlierNonces() {
    TxPool pool = poolOf(2);
    ValidatedTransaction alice0 = data.transferWithTip(alice, 0, 1);
    ValidatedTransaction bob0 = data.transferWithTip(bob, 0, 5);
    fill(pool, alice0, bob0);
    ValidatedTransaction alice1 = data.transferWithTip(alice, 1, 10);
    assertEquals(new AddedPending(List.of()), pool.add(alice1));
    assertEquals(List.of(alice0, alice1), pool.contentFrom(alice.address()).pending());
    assertTrue(pool.get(bob0.hash()).isEmpty());
  }

  @Test
  void theByteLimitEvictsAsManyAsNeededOrRefusesWhenTheCheaperOnesAreNotEnough() {
    ValidatedTransaction small = data.transferWithTip(alice, 0, 1);
    ValidatedTransaction mid = data.tx(bob, 0).maxFee(gwei(100)).tip(gwei(20)).data(600).gasLimit(40_000).build();
    ValidatedTransaction big = data.tx(carol, 0).maxFee(gwei(100)).tip(gwei(5)).data(400).gasLimit(30_000).build();
    long room = small.encodedSize() + mid.encodedSize() + 10;
    TxPool pool = poolOf(new TxPoolConfig(100, 10, (int) room, room, BigInteger.ZERO));
    fill(pool, small, mid);

    Rejected rejected = assertInstanceOf(Rejected.class, pool.add(big));
    assertEquals("txpool is full: displacing every cheaper transaction would not make room", rejected.message());
    assertTrue(pool.get(small.hash()).isPresent());

    ValidatedTransaction bigAndRich = data.tx(carol, 0).maxFee(gwei(100)).tip(gwei(30)).data(400).gasLimit(30_000)
        .build();
    assertEquals(new AddedPending(List.of()), pool.add(bigAndRich));
    assertTrue(pool.get(small.hash()).isEmpty());
    assertTrue(pool.get(mid.hash()).isEmpty());
    assertEquals(bigAndRich.encodedSize(), pool.sizeBytes());
  }

  @Test
  void aSenderAtItsLimitMayStillReplace() {
    TxPool pool = poolOf(new TxPoolConfig(100, 2, 128 * 1024, 1 << 20, BigInteger.ZERO));
    ValidatedTransaction alice2 = data.transferWithTip(alice, 2, 1);
    fill(pool, data.transferWithTip(alice, 0, 1));
    assertEquals(new AddedQueued(), pool.add(alice2));
    Rejected rejected = assertInstanceOf(Rejected.class, pool.add(data.transferWithTip(alice, 3, 1)));
    assertEquals("account limit exceeded: pooled 2 txs", rejected.message());
    assertEquals(new Replaced(alice2.hash(), false), pool.add(data.tx(alice, 2).maxFee(gwei(110)).tip(gwei(2)).build()));
  }
}
