package io.luxtensor.api.health;

/**
 * Whether a node is ready to serve: at least {@code minPeers} peers and at most {@code maxBlocksBehind} blocks behind
 * the best block known.
 */
record Readiness(int peers, int minPeers, long blocksBehind, long maxBlocksBehind) {

  boolean ready() {
    return peers >= minPeers && blocksBehind <= maxBlocksBehind;
  }
}
