package io.luxtensor.api;

/**
 * The node's place in its network, as metrics (EIP-2159) and readiness see it. Implementations are thread-safe and
 * answer without blocking.
 */
public interface NetworkStatus {

  /** Peers connected now. */
  int peerCount();

  /** Most peers this node accepts. */
  int peerLimit();

  /** The highest block number this node knows of, its own head or a peer's. */
  long bestKnownBlockNumber();
}
