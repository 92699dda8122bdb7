package io.luxtensor.txpool;

import static io.luxtensor.testing.TxPoolTestData.gwei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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

/**
 * The balance covers value + gasLimit × maxFeePerGas of every transaction the sender has pooled, queued ones
 * included (a decision: Geth counts only pending ones).
 */
class TxPoolFundsTest {
  /** A default transfer's worst case: 1 wei + 21,000 gas × 10 gwei. */
  private static final BigInteger TRANSFER_COST = gwei(10).multiply(BigInteger.valueOf(21_000)).add(BigInteger.ONE);

  private final TxPoolTestData data = new TxPoolTestData(5);
  private final Sender alice = data.sender();

  private TxPool poolWithBalance(BigInteger balance) {
    return new TxPool(TxPoolConfig.DEFAULT, new ChainHead(
        InMemoryAccountState.empty().with(alice.address(), 0, Wei.of(balance)), gwei(1), 30_000_000));
  }

  @Test
  void theCostIsTheFullGasLimitAtTheFeeCapPlusTheValue() {
    TxPool exact = poolWithBalance(TRANSFER_COST);
    assertInstanceOf(AddedPending.class, exact.add(data.transfer(alice, 0)));

    TxPool short1Wei = poolWithBalance(TRANSFER_COST.subtract(BigInteger.ONE));
    Rejected rejected = assertInstanceOf(Rejected.class, short1Wei.add(data.transfer(alice, 0)));
    assertEquals("insufficient funds for gas * price + value: balance 210000000000000, tx cost 210000000000001, "
        + "overshot 1", rejected.message());
  }

  @Test
  void queuedTransactionsCountAgainstTheBalance() {
    TxPool pool = poolWithBalance(TRANSFER_COST.multiply(BigInteger.TWO));
    pool.add(data.transfer(alice, 0));
    assertEquals(new AddedQueued(), pool.add(data.transfer(alice, 2)));

    Rejected rejected = assertInstanceOf(Rejected.class, pool.add(data.transfer(alice, 1)));
    assertEquals(TxPoolRejection.INSUFFICIENT_FUNDS, rejected.reason());
    assertEquals("balance 420000000000002, queued cost 420000000000002, tx cost 210000000000001, "
        + "overshot 210000000000001", rejected.detail());
  }

  @Test
  void replacingAQueuedTransactionWithAZeroValueOneFreesItsFunds() {
    BigInteger balance = Wei.ofLux("1").value();
    TxPool pool = poolWithBalance(balance);
    pool.add(data.transfer(alice, 0));
    BigInteger restOfTheBalance = balance.subtract(TRANSFER_COST).subtract(gwei(10 * 21_000));
    ValidatedTransaction expensive = data.tx(alice, 2).value(Wei.of(restOfTheBalance)).build();
    assertEquals(new AddedQueued(), pool.add(expensive));
    assertInstanceOf(Rejected.class, pool.add(data.transfer(alice, 1)));

    ValidatedTransaction cancel = data.tx(alice, 2).maxFee(gwei(11)).tip(gwei(2)).value(Wei.ZERO).build();
    assertEquals(new Replaced(expensive.hash(), false), pool.add(cancel));
    assertEquals(new AddedPending(List.of(cancel)), pool.add(data.transfer(alice, 1)));
  }
}
