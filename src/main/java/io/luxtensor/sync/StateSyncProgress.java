package io.luxtensor.sync;

/**
 * Where state sync stands, for the log, metrics and tests: an immutable value the network's thread and the download's
 * worker publish and any thread reads.
 *
 * @param phase what it is doing now
 * @param checkpointNumber the finalized block whose state it fetches; 0 until a peer has proved one final
 * @param accounts accounts stored so far
 * @param trieNodes trie nodes stored so far (account and storage tries)
 * @param bytes their size
 * @param pendingNodes nodes known to be wanted and not yet stored; more appear as stored nodes name their children
 */
public record StateSyncProgress(Phase phase, long checkpointNumber, long accounts, long trieNodes, long bytes,
    int pendingNodes) {
  /** The steps of state sync, in order. */
  public enum Phase {
    /** Asking peers for a proof that a recent block is final. */
    FINDING_CHECKPOINT,
    /** Fetching the headers right before the checkpoint, which checking the blocks after it needs. */
    FETCHING_ANCESTORS,
    /** Fetching the checkpoint's state trie. */
    FETCHING_STATE,
    /** Handing the checkpoint and its state to the chain. */
    ADOPTING,
    /** The node runs from the checkpoint; block sync and gossip take over. */
    DONE
  }

  public static final StateSyncProgress START = new StateSyncProgress(Phase.FINDING_CHECKPOINT, 0, 0, 0, 0, 0);

  public boolean done() {
    return phase == Phase.DONE;
  }
}
