package io.luxtensor.node;

import io.luxtensor.api.NetworkStatus;
import io.luxtensor.sync.SyncProgress;
import java.util.Optional;

/**
 * The network as a node without p2p (the dev node, or p2p disabled in config) sees it: not listening, no peers and
 * no peer slots, and its own head the best block known, so it is never behind or syncing.
 */
record SingleNodeNetwork(ChainService chain) implements NetworkStatus {

  @Override
  public boolean listening() {
    return false;
  }

  @Override
  public Optional<SyncProgress> syncProgress() {
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
