package io.luxtensor.txpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.testing.InMemoryAccountState;
import io.luxtensor.testing.TxPoolTestData;
import io.luxtensor.testing.TxPoolTestData.Sender;
import io.luxtensor.txpool.AddResult.AddedPending;
import io.luxtensor.txpool.AddResult.AddedQueued;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pending (the run from the account nonce) and queued (behind a gap), promotion, and the queries the RPC makes. */
class TxPoolNonceTest {
  private final TxPoolTestData data = new TxPoolTestData(7);
  private final Sender alice = data.sender();
  private final Sender bob = data.sender();
  private final TxPool pool = new TxPool(TxPoolConfig.DEFAULT, new ChainHead(InMemoryAccountState.empty()
      .with(alice.address(), 7, Wei.ofLux("10"))
      .with(bob.address(), 0, Wei.ofLux("10")), BigInteger.ONE, 30_000_000));

  @Test
  void theAccountNonceIsExecutable() {
    ValidatedTransaction tx = data.transfer(alice, 7);
    assertEquals(new AddedPending(List.of()), pool.add(tx));
    assertEquals(new SenderContent(alice.address(), List.of(tx), List.of()), pool.contentFrom(alice.address()));
    assertEquals(new PoolStatus(1, 0), pool.status());
  }

  @Test
  void aNonceGapIsQueuedAndFillingItPromotesTheRunBehindIt() {
    ValidatedTransaction seven = data.transfer(alice, 7);
    ValidatedTransaction nine = data.transfer(alice, 9);
    ValidatedTransaction ten = data.transfer(alice, 10);
    ValidatedTransaction twelve = data.transfer(alice, 12);
    pool.add(seven);
    assertEquals(new AddedQueued(), pool.add(nine));
    assertEquals(new AddedQueued(), pool.add(ten));
    assertEquals(new AddedQueued(), pool.add(twelve));
    assertEquals(new PoolStatus(1, 3), pool.status());
    assertEquals(8, pool.pendingNonce(alice.address()));

    ValidatedTransaction eight = data.transfer(alice, 8);
    assertEquals(new AddedPending(List.of(nine, ten)), pool.add(eight));
    assertEquals(new SenderContent(alice.address(), List.of(seven, eight, nine, ten), List.of(twelve)),
        pool.contentFrom(alice.address()));
    assertEquals(new PoolStatus(4, 1), pool.status());
    assertEquals(11, pool.pendingNonce(alice.address()));
  }

  @Test
  void thePendingNonceOfASenderWithoutPooledTransactionsIsItsAccountNonce() {
    assertEquals(7, pool.pendingNonce(alice.address()));
    pool.add(data.transfer(alice, 8));
    assertEquals(7, pool.pendingNonce(alice.address()));
    assertEquals(0, pool.pendingNonce(data.address()));
  }

  @Test
  void contentListsSendersInAddressOrderAndTransactionsInNonceOrder() {
    ValidatedTransaction bob1 = data.transfer(bob, 1);
    ValidatedTransaction bob0 = data.transfer(bob, 0);
    ValidatedTransaction alice7 = data.transfer(alice, 7);
    pool.add(bob1);
    pool.add(alice7);
    pool.add(bob0);
    List<SenderContent> expected = new java.util.ArrayList<>(List.of(
        new SenderContent(alice.address(), List.of(alice7), List.of()),
        new SenderContent(bob.address(), List.of(bob0, bob1), List.of())));
    expected.sort((a, b) -> a.sender().compareTo(b.sender()));
    assertEquals(expected, pool.content());
  }

  @Test
  void transactionsAreFoundByHashWhetherPendingOrQueued() {
    ValidatedTransaction pending = data.transfer(alice, 7);
    ValidatedTransaction queued = data.transfer(alice, 20);
    pool.add(pending);
    pool.add(queued);
    assertEquals(Optional.of(pending), pool.get(pending.hash()));
    assertEquals(Optional.of(queued), pool.get(queued.hash()));
    assertTrue(pool.get(data.transfer(alice, 8).hash()).isEmpty());
  }

  @Test
  void anUnknownSenderHasEmptyContent() {
    Address stranger = data.address();
    assertEquals(new SenderContent(stranger, List.of(), List.of()), pool.contentFrom(stranger));
  }
}
