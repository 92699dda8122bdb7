package io.luxtensor.api.metrics;

import io.luxtensor.api.NetworkStatus;
import io.luxtensor.sync.StateSyncProgress;
import io.luxtensor.sync.SyncCounters;
import io.luxtensor.sync.SyncProgress;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Block sync as meters, read at scrape time: {@code luxtensor_sync_active} (1 while downloading missing blocks),
 * {@code luxtensor_sync_blocks_per_second} (the import rate over the progress window, 0 when not syncing) and the
 * counters {@code luxtensor_sync_runs_total}, {@code _blocks_total}, {@code _transactions_total},
 * {@code _retries_total}, {@code _timeouts_total} and {@code _bans_total}; and state sync's, on a node started with
 * it: {@code luxtensor_state_sync_active}, {@code _checkpoint}, {@code _accounts}, {@code _trie_nodes},
 * {@code _bytes} and {@code _pending_trie_nodes} (all 0 on a node that did not start by state sync).
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
    Gauge.builder("luxtensor.state.sync.active", network,
            n -> n.stateSyncProgress().filter(p -> !p.done()).isPresent() ? 1 : 0)
        .description("1 while state sync fetches the node's starting checkpoint and its state, 0 otherwise")
        .strongReference(true).register(registry);
    stateSyncGauge(registry, network, "luxtensor.state.sync.checkpoint",
        "The finalized block state sync starts the node from; 0 until a peer proved one final",
        StateSyncProgress::checkpointNumber);
    stateSyncGauge(registry, network, "luxtensor.state.sync.accounts", "Accounts state sync has stored",
        StateSyncProgress::accounts);
    stateSyncGauge(registry, network, "luxtensor.state.sync.trie.nodes",
        "Trie nodes (accounts' and storage) state sync has stored", StateSyncProgress::trieNodes);
    stateSyncGauge(registry, network, "luxtensor.state.sync.bytes", "Bytes of trie nodes state sync has stored",
        StateSyncProgress::bytes);
    stateSyncGauge(registry, network, "luxtensor.state.sync.pending.trie.nodes",
        "Trie nodes known to be missing; more appear as stored nodes name their children",
        StateSyncProgress::pendingNodes);
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

  private static void stateSyncGauge(MeterRegistry registry, NetworkStatus network, String name,
      String description, ToLongFunction<StateSyncProgress> value) {
    Gauge.builder(name, network, n -> n.stateSyncProgress().map(value::applyAsLong).orElse(0L))
        .description(description).strongReference(true).register(registry);
  }

  private static void counter(MeterRegistry registry, String name, String description, SyncCounters counters,
      ToDoubleFunction<SyncCounters> value) {
    FunctionCounter.builder(name, counters, value).description(description).register(registry);
  }
}
