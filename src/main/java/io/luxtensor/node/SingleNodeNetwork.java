package io.luxtensor.node;

import io.luxtensor.api.NetworkStatus;
import io.luxtensor.sync.StateSyncProgress;
import io.luxtensor.sync.SyncCounters;
import io.luxtensor.sync.SyncEvent;
import io.luxtensor.sync.SyncProgress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The network as a node without p2p (the dev node, or p2p disabled in config) sees it: not listening, no peers and
 * no peer slots, and its own head the best block known, so it is never behind or syncing.
 */
record SingleNodeNetwork(ChainService chain, SyncCounters syncCounters) implements NetworkStatus {

  SingleNodeNetwork(ChainService chain) {
    this(chain, new SyncCounters());
  }

  @Override
  public void onSyncChange(Consumer<SyncEvent> listener) {
    // It never syncs, so there is nothing to tell.
  }

  @Override
  public boolean listening() {
    return false;
  }

  @Override
  public Optional<SyncProgress> syncProgress() {
    return Optional.empty();
  }

  @Override
  public Optional<StateSyncProgress> stateSyncProgress() {
    return Optional.empty();
  }

  @Override
  public int peerCount() {
    return 0;
  }

  @Override
  public int peerLimit() {
    return 0;
  }

  @Override
  public long bestKnownBlockNumber() {
    return chain.head().latest().number();
  }
}
