package io.luxtensor.txpool;

import java.math.BigInteger;

/**
 * The pool's limits. {@link #DEFAULT} holds the documented defaults; every number has its reason beside it.
 *
 * @param poolTransactionsMax pending and queued transactions together
 * @param senderTransactionsMax pending and queued transactions of one sender
 * @param transactionSizeBytesMax the largest wire form accepted
 * @param poolSizeBytesMax the wire forms of all pooled transactions together
 * @param tipPerGasWeiMin the smallest max priority fee per gas accepted
 */
public record TxPoolConfig(
    int poolTransactionsMax,
    int senderTransactionsMax,
    int transactionSizeBytesMax,
    long poolSizeBytesMax,
    BigInteger tipPerGasWeiMin) {

  /**
   * One second of the 10,000 TPS target, and seven 30M-gas blocks of transfers (1,428 each); Geth keeps 6,144
   * (5,120 executable + 1,024 queued). A pooled transfer takes ~0.9 KB of heap (measured: ~650 B the transaction,
   * ~250 B the pool's indexes), so ~9 MB.
   */
  public static final int POOL_TRANSACTIONS_MAX = 10_000;

  /**
   * Geth's per-account queue (accountQueue). Two blocks of 64 per second let one account push 128 transactions a
   * second (a payout or deploy script), while no account holds more than 0.64% of the pool: filling it takes 157
   * funded accounts.
   */
  public static final int SENDER_TRANSACTIONS_MAX = 64;

  /**
   * Geth's txMaxSize (4 slots of 32 KiB): room for EIP-3860's largest init code (48 KiB) with its calldata twice
   * over, and a bound on the hashing and decoding a gossiped transaction can cost.
   */
  public static final int TRANSACTION_SIZE_BYTES_MAX = 128 * 1024;

  /**
   * Bounds memory whatever the sizes: 10,000 transactions of 128 KiB would be 1.25 GiB. At 64 MiB the count binds
   * first unless the average transaction exceeds 6.5 KiB (a transfer is ~110 bytes, a typical call under 1 KiB).
   */
  public static final long POOL_SIZE_BYTES_MAX = 64L * 1024 * 1024;

  /**
   * Zero, as anvil and Hardhat accept, so dev-chain tools that send {@code gasPrice = baseFee} work. Spam is priced
   * by what a slot costs instead: a balance covering every pooled transaction of the sender, 64 per sender, and
   * eviction by anyone paying a higher tip. Operators who want Geth's 1 wei floor set it.
   */
  public static final BigInteger TIP_PER_GAS_WEI_MIN = BigInteger.ZERO;

  public static final TxPoolConfig DEFAULT = new TxPoolConfig(POOL_TRANSACTIONS_MAX, SENDER_TRANSACTIONS_MAX,
      TRANSACTION_SIZE_BYTES_MAX, POOL_SIZE_BYTES_MAX, TIP_PER_GAS_WEI_MIN);

  public TxPoolConfig {
    if (poolTransactionsMax <= 0 || senderTransactionsMax <= 0 || transactionSizeBytesMax <= 0) {
      throw new IllegalArgumentException("pool limits must be positive");
    }
    if (senderTransactionsMax > poolTransactionsMax) {
      throw new IllegalArgumentException("one sender's limit (" + senderTransactionsMax
          + ") exceeds the pool's (" + poolTransactionsMax + ")");
    }
    if (transactionSizeBytesMax > poolSizeBytesMax) {
      throw new IllegalArgumentException("a transaction of the largest size (" + transactionSizeBytesMax
          + " bytes) would not fit the pool (" + poolSizeBytesMax + " bytes)");
    }
    if (tipPerGasWeiMin.signum() < 0) {
      throw new IllegalArgumentException("minimum tip must not be negative: " + tipPerGasWeiMin);
    }
  }
}
