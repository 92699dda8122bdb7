package io.luxtensor.txpool;

import io.luxtensor.types.Transaction;
import java.math.BigInteger;

/** The fee arithmetic the pool ranks and admits by, exact in BigInteger (fees are up to 256 bits). */
final class Fees {
  /** Geth's rule: a replacement raises both the fee cap and the tip by at least this much. */
  static final int PRICE_BUMP_PERCENT = 10;

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);
  private static final BigInteger BUMPED = BigInteger.valueOf(100 + PRICE_BUMP_PERCENT);
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private Fees() {}

  /** What the proposer earns per gas at {@code baseFee}: min(tip, feeCap - baseFee); negative if it cannot pay. */
  static BigInteger effectiveTip(Transaction tx, BigInteger baseFee) {
    return tx.maxPriorityFeePerGas().min(tx.maxFeePerGas().subtract(baseFee));
  }

  /** The most the transaction can take from the sender: value + gasLimit × maxFeePerGas. */
  static BigInteger maxCost(Transaction tx) {
    return unsigned(tx.gasLimit()).multiply(tx.maxFeePerGas()).add(tx.value().value());
  }

  /**
   * Whether {@code replacement} may take {@code existing}'s nonce: both fee cap and tip strictly higher and at least
   * {@link #PRICE_BUMP_PERCENT}% higher (rounded down, as Geth does), so that a wei-level fee still has to rise.
   */
  static boolean outbids(Transaction replacement, Transaction existing) {
    return bumped(replacement.maxFeePerGas(), existing.maxFeePerGas())
        && bumped(replacement.maxPriorityFeePerGas(), existing.maxPriorityFeePerGas());
  }

  static BigInteger unsigned(long value) {
    BigInteger signed = BigInteger.valueOf(value);
    return value >= 0 ? signed : signed.add(TWO_TO_64);
  }

  private static boolean bumped(BigInteger offered, BigInteger existing) {
    BigInteger threshold = existing.multiply(BUMPED).divide(HUNDRED);
    return offered.compareTo(existing) > 0 && offered.compareTo(threshold) >= 0;
  }
}
