package io.luxtensor.sync;

import java.util.Objects;

/**
 * The limits of one {@link DownloadScheduler}. {@link #BODIES} and {@link #HEADERS} hold the documented defaults;
 * every number has its reason beside it.
 *
 * @param phase what is fetched, which bounds the batch size
 * @param batchSize the most blocks (headers or bodies) asked of a peer in one request
 * @param peersMax the most distinct peers with requests in flight at once
 * @param requestsPerPeerMax the most requests in flight to one peer
 * @param retriesMax how many peers beyond the first may fail one batch before the sync fails
 * @param aheadBatchesMax how many batches' worth of blocks may be requested or held beyond the last imported block
 * @param timeoutMsInitial a peer's request timeout before any of its answers was timed
 * @param timeoutMsMin the lower clamp of the adaptive timeout
 * @param timeoutMsMax the upper clamp of the adaptive timeout
 */
public record SyncConfig(
    Phase phase,
    int batchSize,
    int peersMax,
    int requestsPerPeerMax,
    int retriesMax,
    int aheadBatchesMax,
    long timeoutMsInitial,
    long timeoutMsMin,
    long timeoutMsMax) {

  /** What a scheduler fetches, and the largest batch of it one request may ask for. */
  public enum Phase {
    /**
     * Geth's skeleton sync asks 512 headers a request; at ~600 bytes each an answer is ~300 KB, well inside a frame,
     * and headers are cheap to check (links and hashes) so a bad batch costs little.
     */
    HEADERS(512),
    /** DESIGN.md §6 and Geth's MaxBlockFetch: 128 bodies keep an answer of full blocks within a few MB. */
    BODIES(128);

    private final int batchSizeMax;

    Phase(int batchSizeMax) {
      this.batchSizeMax = batchSizeMax;
    }

    public int batchSizeMax() {
      return batchSizeMax;
    }
  }

  /** As CometBFT's blocksync and Lighthouse's range sync: enough parallel peers to hide one slow peer. */
  public static final int PEERS_MAX = 4;

  /** One answer being served while the next request travels hides a round trip without hogging the peer. */
  public static final int REQUESTS_PER_PEER_MAX = 2;

  /** Four distinct peers failing the same batch means the range itself is in question, not one peer. */
  public static final int RETRIES_MAX = 3;

  /**
   * 16 batches are 2,048 bodies: at 4 peers × 2 requests half of the window is in flight and half waits for import,
   * so a slow import stalls downloads (bounded memory) instead of buffering the whole chain.
   */
  public static final int AHEAD_BATCHES_MAX = 16;

  /** Half the maximum: a first answer of a full batch over a slow link may take seconds. */
  public static final long TIMEOUT_MS_INITIAL = 5_000;

  /** Below this a garbage collection pause or a full TCP window would time out an honest peer. */
  public static final long TIMEOUT_MS_MIN = 500;

  /** Above this a dead peer holds a batch too long; Lighthouse waits 10 s for a response too. */
  public static final long TIMEOUT_MS_MAX = 10_000;

  public static final SyncConfig BODIES = defaults(Phase.BODIES);
  public static final SyncConfig HEADERS = defaults(Phase.HEADERS);

  public SyncConfig {
    Objects.requireNonNull(phase, "phase");
    if (batchSize < 1 || batchSize > phase.batchSizeMax()) {
      throw new IllegalArgumentException("batch size must be 1.." + phase.batchSizeMax() + " for "
          + phase.name().toLowerCase() + ", got " + batchSize);
    }
    if (peersMax < 1) {
      throw new IllegalArgumentException("at least one peer must be allowed to download, got peersMax " + peersMax);
    }
    if (requestsPerPeerMax < 1) {
      throw new IllegalArgumentException("a peer must be allowed one request, got requestsPerPeerMax "
          + requestsPerPeerMax);
    }
    if (retriesMax < 0) {
      throw new IllegalArgumentException("retriesMax must not be negative, got " + retriesMax);
    }
    if (aheadBatchesMax < (long) peersMax * requestsPerPeerMax) {
      throw new IllegalArgumentException("aheadBatchesMax " + aheadBatchesMax + " would leave peers idle: "
          + peersMax + " peers × " + requestsPerPeerMax + " requests need that many batches in flight");
    }
    if (timeoutMsMin < 1 || timeoutMsMin > timeoutMsMax) {
      throw new IllegalArgumentException("timeouts need 1 <= min <= max, got min " + timeoutMsMin + " ms, max "
          + timeoutMsMax + " ms");
    }
    if (timeoutMsInitial < timeoutMsMin || timeoutMsInitial > timeoutMsMax) {
      throw new IllegalArgumentException("initial timeout " + timeoutMsInitial + " ms lies outside ["
          + timeoutMsMin + ", " + timeoutMsMax + "] ms");
    }
  }

  /** The defaults with the largest batch {@code phase} allows. */
  public static SyncConfig defaults(Phase phase) {
    return new SyncConfig(phase, phase.batchSizeMax(), PEERS_MAX, REQUESTS_PER_PEER_MAX, RETRIES_MAX,
        AHEAD_BATCHES_MAX, TIMEOUT_MS_INITIAL, TIMEOUT_MS_MIN, TIMEOUT_MS_MAX);
  }

  /** The most block numbers requested or held beyond the last imported one. */
  long aheadBlocksMax() {
    return (long) aheadBatchesMax * batchSize;
  }
}
