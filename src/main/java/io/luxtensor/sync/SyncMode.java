package io.luxtensor.sync;

/** How a new node gets the chain's state. */
public enum SyncMode {
  /** Replay every block from genesis: slow, and every state on the way is checked by execution. */
  FULL,
  /**
   * Start from a recent finalized block: check its finality proof, download its state trie, then replay only the
   * blocks after it (Ethereum's snap sync, CometBFT's state sync).
   */
  SNAP
}
