package io.luxtensor.txpool;

import io.luxtensor.types.Address;
import java.math.BigInteger;

/** A pooled transaction with what the pool keeps beside it. */
final class PoolEntry {
  final ValidatedTransaction tx;
  /** The pool's sequence number at admission: ties in price go to the earlier arrival. */
  final long arrival;
  /** {@link Fees#maxCost}, summed per sender against its balance. */
  final BigInteger maxCost;
  /** Whether it is in its sender's executable run; written only by {@link SenderTransactions}. */
  boolean executable;
  /** Its effective tip at the head's base fee, the key of {@link EvictionOrder}; written only there. */
  BigInteger rankTip;

  PoolEntry(ValidatedTransaction tx, long arrival, BigInteger rankTip) {
    this.tx = tx;
    this.arrival = arrival;
    this.maxCost = Fees.maxCost(tx.tx());
    this.rankTip = rankTip;
  }

  long nonce() {
    return tx.nonce();
  }

  Address sender() {
    return tx.sender();
  }

  int size() {
    return tx.encodedSize();
  }
}
