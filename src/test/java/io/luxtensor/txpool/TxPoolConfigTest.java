package io.luxtensor.txpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.types.Transaction;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** How the pool's limits relate to each other and to the chain's. */
class TxPoolConfigTest {
  private static final long BLOCK_GAS_LIMIT = 30_000_000;
  private static final long TRANSFER_GAS = 21_000;

  @Test
  void thePoolHoldsSeveralFullBlocksOfTransfers() {
    long transfersPerBlock = BLOCK_GAS_LIMIT / TRANSFER_GAS;
    assertEquals(1_428, transfersPerBlock);
    assertTrue(TxPoolConfig.POOL_TRANSACTIONS_MAX >= 7 * transfersPerBlock);
  }

  @Test
  void noSenderHoldsMoreThanOnePercentOfThePool() {
    assertTrue(TxPoolConfig.SENDER_TRANSACTIONS_MAX * 100 <= TxPoolConfig.POOL_TRANSACTIONS_MAX);
  }

  @Test
  void theLargestTransactionFitsTheLargestInitCodeAndThePool() {
    assertEquals(128 * 1024, TxPoolConfig.TRANSACTION_SIZE_BYTES_MAX);
    assertTrue(TxPoolConfig.TRANSACTION_SIZE_BYTES_MAX >= 2 * Transaction.INIT_CODE_SIZE_MAX);
    assertTrue(TxPoolConfig.TRANSACTION_SIZE_BYTES_MAX <= TxPoolConfig.POOL_SIZE_BYTES_MAX);
  }

  @Test
  void theByteLimitBindsOnlyForLargeTransactions() {
    long averageAtTheByteLimit = TxPoolConfig.POOL_SIZE_BYTES_MAX / TxPoolConfig.POOL_TRANSACTIONS_MAX;
    assertTrue(averageAtTheByteLimit > 6 * 1024, "ordinary traffic fills the count first");
    assertTrue((long) TxPoolConfig.POOL_TRANSACTIONS_MAX * TxPoolConfig.TRANSACTION_SIZE_BYTES_MAX
        > TxPoolConfig.POOL_SIZE_BYTES_MAX, "without it, large transactions could take 1.25 GiB");
  }

  @Test
  void theDefaultsAreTheDocumentedConstants() {
    assertEquals(new TxPoolConfig(10_000, 64, 131_072, 67_108_864L, BigInteger.ZERO), TxPoolConfig.DEFAULT);
  }

  @Test
  void inconsistentLimitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TxPoolConfig(10, 11, 1024, 1 << 20, BigInteger.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new TxPoolConfig(10, 5, 2048, 1024, BigInteger.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new TxPoolConfig(0, 0, 1024, 1 << 20, BigInteger.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> new TxPoolConfig(10, 5, 1024, 1 << 20, BigInteger.valueOf(-1)));
  }
}
