package io.luxtensor.api.metrics;

import io.luxtensor.api.NetworkStatus;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.txpool.PoolStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The chain and the network as meters. The EIP-2159 gauges {@code ethereum_blockchain_height},
 * {@code ethereum_best_known_block_number}, {@code ethereum_peer_count} and {@code ethereum_peer_limit}; LuxTensor's
 * {@code luxtensor_chain_head_height}, {@code luxtensor_chain_finalized_height}, {@code luxtensor_txpool_pending},
 * {@code luxtensor_txpool_queued}, {@code luxtensor_txpool_capacity}, the counters
 * {@code luxtensor_chain_transactions_total} and {@code luxtensor_chain_slots_missed_total} (slots between two
 * consecutive head blocks that have no block: a proposer offline, late or partitioned away), and the
 * {@code luxtensor_block_production_seconds} histogram.
 *
 * <p>{@link #onNewHead} is called by the chain thread for every block: it only sets two atomics and records a time,
 * so it never holds the chain back. The pool and network gauges read published values at scrape time.
 */
public final class ChainMetrics {
  static final Duration[] PRODUCTION_BUCKETS = {
      Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofSeconds(5)};

  private final AtomicLong head = new AtomicLong();
  private final AtomicLong finalized = new AtomicLong();
  /** The head's slot, to count the empty slots before the next head; -1 until the first head is known. */
  private long headSlot = -1;
  private final Timer production;
  private final Counter transactions;
  private final Counter slotsMissed;

  /**
   * @param network peers and the best block known, read at scrape time
   * @param pool the pool's sizes as last published by the chain thread
   */
  public ChainMetrics(MeterRegistry registry, NetworkStatus network, Supplier<PoolStatus> pool, int poolCapacity) {
    gauge(registry, "ethereum.blockchain.height", "The current head of the chain (EIP-2159)", head::get);
    gauge(registry, "ethereum.best.known.block.number",
        "The highest block known, from this node or its peers (EIP-2159)", network::bestKnownBlockNumber);
    gauge(registry, "ethereum.peer.count", "Peers connected (EIP-2159)", network::peerCount);
    gauge(registry, "ethereum.peer.limit", "Most peers allowed, inbound and outbound (EIP-2159)", network::peerLimit);
    gauge(registry, "luxtensor.chain.head.height", "Number of the head block", head::get);
    gauge(registry, "luxtensor.chain.finalized.height", "Number of the latest finalized block", finalized::get);
    gauge(registry, "luxtensor.txpool.pending", "Transactions ready for the next block", () -> pool.get().pending());
    gauge(registry, "luxtensor.txpool.queued", "Transactions waiting for a nonce gap to close",
        () -> pool.get().queued());
    gauge(registry, "luxtensor.txpool.capacity", "The most transactions the pool holds (txpool.transactionsMax)",
        () -> poolCapacity);
    this.transactions = Counter.builder("luxtensor.chain.transactions")
        .description("Transactions in blocks that became the head").register(registry);
    this.slotsMissed = Counter.builder("luxtensor.chain.slots.missed")
        .description("Slots without a block between consecutive head blocks").register(registry);
    this.production = Timer.builder("luxtensor.block.production")
        .description("Time to build, execute, sign and commit a block this node proposes")
        .serviceLevelObjectives(PRODUCTION_BUCKETS).register(registry);
  }

  /** The head and finalized blocks, e.g. at startup before any new block. */
  public void onHead(BlockHeader latest, long finalizedNumber) {
    head.set(latest.number());
    headSlot = latest.slot();
    finalized.set(finalizedNumber);
  }

  /**
   * {@code block} became the head, holding {@code transactionCount} transactions; if this node made or imported it,
   * that took {@code productionNanos} (0 when not measured). Called from the chain thread only.
   */
  public void onNewHead(BlockHeader block, int transactionCount, long finalizedNumber, long productionNanos) {
    // Only a block on top of the last head tells how many slots went empty; after a reorg the count restarts.
    if (block.number() == head.get() + 1 && headSlot >= 0) {
      slotsMissed.increment(Math.max(0, block.slot() - headSlot - 1));
    }
    onHead(block, finalizedNumber);
    transactions.increment(transactionCount);
    if (productionNanos > 0) {
      production.record(productionNanos, TimeUnit.NANOSECONDS);
    }
  }

  private static void gauge(MeterRegistry registry, String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).strongReference(true).register(registry);
  }
}
