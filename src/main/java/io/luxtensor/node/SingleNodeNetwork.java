package io.luxtensor.node;

import io.luxtensor.api.NetworkStatus;

/**
 * The network as a node without p2p sees it: no peers and no peer slots, and its own head the best block known,
 * so it is never behind. Replaced by the peer manager's view when p2p arrives.
 */
record SingleNodeNetwork(ChainService chain) implements NetworkStatus {

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
