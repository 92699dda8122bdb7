package io.luxtensor.txpool;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The pool's executable transactions in the order a block takes them, pulled one at a time so the block builder
 * can drop a sender whose transaction did not fit or failed: the highest effective tip at the block's base fee
 * first, then the earliest arrival, and each sender's transactions in nonce order. A transaction whose fee cap is
 * below the base fee is never offered, and neither are its sender's later nonces.
 *
 * <p>Reads the pool directly: valid until the pool next changes (a change makes it fail fast).
 */
public final class BlockCandidates {
  private static final Comparator<SenderHead> BEST_FIRST = (a, b) -> {
    int byTip = b.tip.compareTo(a.tip);
    return byTip != 0 ? byTip : Long.compare(a.entry.arrival, b.entry.arrival);
  };

  private final BigInteger baseFee;
  private final PriorityQueue<SenderHead> heads = new PriorityQueue<>(BEST_FIRST);

  BlockCandidates(BigInteger baseFee, Iterable<SenderTransactions> senders) {
    this.baseFee = baseFee;
    for (SenderTransactions sender : senders) {
      offerNext(sender.pendingIterator());
    }
  }

  /** The best transaction left, or empty when the block can take no more from the pool. */
  public Optional<ValidatedTransaction> peek() {
    SenderHead best = heads.peek();
    return best == null ? Optional.empty() : Optional.of(best.entry.tx);
  }

  /** The transaction from {@link #peek} went into the block: its sender's next nonce becomes a candidate. */
  public void accept() {
    offerNext(heads.remove().rest);
  }

  /**
   * The transaction from {@link #peek} stays out of this block: its sender's later nonces cannot go in before it,
   * so the sender is done for this block.
   */
  public void skipSender() {
    heads.remove();
  }

  private void offerNext(Iterator<PoolEntry> rest) {
    if (rest.hasNext()) {
      PoolEntry next = rest.next();
      BigInteger tip = Fees.effectiveTip(next.tx.tx(), baseFee);
      if (tip.signum() >= 0) {
        heads.add(new SenderHead(next, tip, rest));
      }
    }
  }

  /** A sender's lowest nonce not yet taken, with its effective tip and the rest of its run. */
  private record SenderHead(PoolEntry entry, BigInteger tip, Iterator<PoolEntry> rest) {}
}
