package io.luxtensor.txpool;

import static io.luxtensor.testing.TxPoolTestData.gwei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.testing.InMemoryAccountState;
import io.luxtensor.testing.TxPoolTestData;
import io.luxtensor.testing.TxPoolTestData.Sender;
import io.luxtensor.txpool.AddResult.Rejected;
import io.luxtensor.txpool.AddResult.Replaced;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Geth's replacement rule: same sender and nonce, fee cap and tip both raised by at least 10%. */
class TxPoolReplacementTest {
  private final TxPoolTestData data = new TxPoolTestData(11);
  private final Sender alice = data.sender();
  private final TxPool pool = new TxPool(TxPoolConfig.DEFAULT,
      new ChainHead(InMemoryAccountState.empty().with(alice.address(), 0, Wei.ofLux("10")), BigInteger.ZERO,
          30_000_000));

  private ValidatedTransaction fees(long nonce, BigInteger maxFee, BigInteger tip) {
    return data.tx(alice, nonce).maxFee(maxFee).tip(tip).build();
  }

  @Test
  void aNinePercentBumpIsRejectedAndTenPercentReplaces() {
    ValidatedTransaction original = fees(0, gwei(100), gwei(10));
    pool.add(original);

    AddResult nine = pool.add(fees(0, gwei(109), gwei(10).multiply(BigInteger.valueOf(109)).divide(BigInteger.valueOf(100))));
    assertEquals(TxPoolRejection.REPLACEMENT_UNDERPRICED, assertInstanceOf(Rejected.class, nine).reason());
    assertTrue(pool.get(original.hash()).isPresent());

    ValidatedTransaction ten = fees(0, gwei(110), gwei(11));
    assertEquals(new Replaced(original.hash(), true), pool.add(ten));
    assertTrue(pool.get(original.hash()).isEmpty());
    assertEquals(List.of(ten), pool.contentFrom(alice.address()).pending());
    assertEquals(new PoolStatus(1, 0), pool.status());
  }

  @Test
  void bothTheFeeCapAndTheTipMustRise() {
    pool.add(fees(0, gwei(100), gwei(10)));
    assertRejectedAsUnderpriced(fees(0, gwei(200), gwei(10)));
    assertRejectedAsUnderpriced(fees(0, gwei(100), gwei(20)));
    assertRejectedAsUnderpriced(fees(0, gwei(200), BigInteger.valueOf(10_999_999_999L)));
  }

  @Test
  void weiLevelFeesMustStillRiseAlthoughTenPercentRoundsToNothing() {
    pool.add(fees(0, BigInteger.valueOf(5), BigInteger.ONE));
    assertRejectedAsUnderpriced(fees(0, BigInteger.valueOf(5), BigInteger.TWO));
    assertRejectedAsUnderpriced(fees(0, BigInteger.valueOf(6), BigInteger.ONE));
    assertInstanceOf(Replaced.class, pool.add(fees(0, BigInteger.valueOf(6), BigInteger.TWO)));
  }

  @Test
  void aQueuedTransactionIsReplacedInTheQueue() {
    ValidatedTransaction queued = fees(3, gwei(10), gwei(1));
    pool.add(queued);
    ValidatedTransaction replacement = fees(3, gwei(11), gwei(2));
    assertEquals(new Replaced(queued.hash(), false), pool.add(replacement));
    assertEquals(List.of(replacement), pool.contentFrom(alice.address()).queued());
    assertEquals(new PoolStatus(0, 1), pool.status());
  }

  @Test
  void theReplacementsExtraCostMustFitTheBalanceBesideTheSendersOtherTransactions() {
    BigInteger twoTransfersAt100Gwei = gwei(100).multiply(BigInteger.valueOf(2 * 21_000));
    TxPool tight = new TxPool(TxPoolConfig.DEFAULT, new ChainHead(
        InMemoryAccountState.empty().with(alice.address(), 0, Wei.of(twoTransfersAt100Gwei.add(BigInteger.ONE))),
        BigInteger.ZERO, 30_000_000));
    ValidatedTransaction first = data.tx(alice, 0).maxFee(gwei(100)).tip(gwei(1)).value(Wei.ZERO).build();
    ValidatedTransaction second = data.tx(alice, 1).maxFee(gwei(100)).tip(gwei(1)).value(Wei.ZERO).build();
    tight.add(first);
    tight.add(second);

    Rejected rejected = assertInstanceOf(Rejected.class,
        tight.add(data.tx(alice, 1).maxFee(gwei(110)).tip(gwei(2)).value(Wei.ZERO).build()));
    assertEquals("insufficient funds for gas * price + value: balance 4200000000000001, "
        + "queued cost 2100000000000000, tx cost 2310000000000000, overshot 209999999999999", rejected.message());
    assertEquals(List.of(first, second), tight.contentFrom(alice.address()).pending());
  }

  private void assertRejectedAsUnderpriced(ValidatedTransaction replacement) {
    Rejected rejected = assertInstanceOf(Rejected.class, pool.add(replacement));
    assertEquals("replacement transaction underpriced", rejected.message());
  }
}
