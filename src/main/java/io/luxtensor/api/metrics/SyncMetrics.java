package io.luxtensor.api.metrics;

import io.luxtensor.api.NetworkStatus;
import io.luxtensor.sync.SyncCounters;
import io.luxtensor.sync.SyncProgress;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * Block sync as meters, read at scrape time: {@code luxtensor_sync_active} (1 while downloading missing blocks),
 * {@code luxtensor_sync_blocks_per_second} (the import rate over the progress window, 0 when not syncing) and the
 * counters {@code luxtensor_sync_runs_total}, {@code _blocks_total}, {@code _transactions_total},
 * {@code _retries_total}, {@code _timeouts_total} and {@code _bans_total}.
 */
public final class SyncMetrics {
  private SyncMetrics() {}

  public static void register(MeterRegistry registry, NetworkStatus network) {
    Gauge.builder("luxtensor.sync.active", network, n -> n.syncProgress().isPresent() ? 1 : 0)
        .description("1 while the node downloads blocks it is missing, 0 while it follows the head")
        .strongReference(true).register(registry);
    Gauge.builder("luxtensor.sync.blocks.per.second", network,
            n -> n.syncProgress().map(SyncProgress::blocksPerSecond).orElse(0L))
        .description("Blocks imported a second by the running sync, over its rate window; 0 when not syncing")
        .strongReference(true).register(registry);
    SyncCounters counters = network.syncCounters();
    counter(registry, "luxtensor.sync.runs", "Syncs started: one each time the node found itself behind",
        counters, SyncCounters::runs);
    counter(registry, "luxtensor.sync.blocks", "Blocks imported by sync", counters, SyncCounters::blocksImported);
    counter(registry, "luxtensor.sync.transactions", "Transactions in the blocks imported by sync", counters,
        SyncCounters::transactionsImported);
    counter(registry, "luxtensor.sync.retries", "Batches asked again of another peer, over finished syncs",
        counters, SyncCounters::retries);
    counter(registry, "luxtensor.sync.timeouts", "Requests a peer did not answer in time, over finished syncs",
        counters, SyncCounters::timeouts);
    counter(registry, "luxtensor.sync.bans", "Peers banned for what they served during sync", counters,
        SyncCounters::bans);
  }

  private static void counter(MeterRegistry registry, String name, String description, SyncCounters counters,
      ToDoubleFunction<SyncCounters> value) {
    FunctionCounter.builder(name, counters, value).description(description).register(registry);
  }
}
