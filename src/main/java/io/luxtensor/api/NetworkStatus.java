package io.luxtensor.api;

import io.luxtensor.sync.StateSyncProgress;
import io.luxtensor.sync.SyncCounters;
import io.luxtensor.sync.SyncEvent;
import io.luxtensor.sync.SyncProgress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The node's place in its network, as metrics (EIP-2159) and readiness see it. Implementations are thread-safe and
 * answer without blocking.
 */
public interface NetworkStatus {

  /** Whether the node accepts peers' connections (net_listening). */
  boolean listening();

  /** Peers connected now. */
  int peerCount();

  /** Most peers this node accepts. */
  int peerLimit();

  /** The highest block number this node knows of, its own head or a peer's. */
  long bestKnownBlockNumber();

  /** Where the download of missing blocks stands while the node syncs; empty while it follows the head. */
  Optional<SyncProgress> syncProgress();

  /**
   * What state sync ({@code --sync-mode snap}) has fetched, if the node started with it; present, and done, ever
   * after. While it runs, {@link #syncProgress()} reports a sync from the node's genesis.
   */
  Optional<StateSyncProgress> stateSyncProgress();

  /** What sync has done since the node started. */
  SyncCounters syncCounters();

  /** Calls {@code listener} each time a sync starts or ends, on the network's thread: it must not block. */
  void onSyncChange(Consumer<SyncEvent> listener);
}
