package io.luxtensor.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Decides which peer to ask for which blocks of a range, as CometBFT's blocksync pool and Lighthouse's range sync
 * do; the driver sends the {@link Request}s, reports answers, and imports what {@link #nextReady} hands out in
 * order. Serves both phases (headers, then bodies): it schedules numbers and keeps the items, whatever they are.
 *
 * <p>The range is cut into batches of {@link SyncConfig#batchSize()}, lowest first. A batch goes to an idle peer
 * first, then the best-scored, then the one with the shortest timeout; never to a banned peer, one whose head is
 * below the batch, or one that already failed the batch while another peer could take it. A failure (timeout,
 * empty or invalid answer) queues the batch again; when more than {@link SyncConfig#retriesMax()} distinct peers
 * have failed one batch the sync is {@link SyncStatus.Failed}. With no peer able to take a batch it waits. Blocks
 * requested or held beyond the last imported one never exceed {@link SyncConfig#aheadBatchesMax()} batches' worth.
 *
 * <p>Single-owner and deterministic: the same calls with the same arguments give the same requests. Joined peers
 * are the connected ones, bounded by the network layer.
 *
 * @param <T> what is fetched: headers or bodies
 */
public final class DownloadScheduler<T> {

  private record Batch(long from, int count, Set<PeerId> failedBy) {
    long to() {
      return from + count - 1;
    }

    Batch failedOn(PeerId peer) {
      Set<PeerId> failed = new TreeSet<>(failedBy);
      failed.add(peer);
      return new Batch(from, count, Set.copyOf(failed));
    }

    Batch restAfter(int delivered) {
      return new Batch(from + delivered, count - delivered, failedBy);
    }
  }

  private record InFlight(Request request, Batch batch, long sentMillis) {}

  /** @param used whether this connection was sent a request, for {@link SchedulerStats#peersUsed()} */
  private record PeerState(long head, RttEstimator rtt, int inFlight, boolean used) {}

  private final SyncConfig config;
  private final PeerScores scores;
  private final long fromNumber;
  private long toNumber;

  private final TreeMap<PeerId, PeerState> peers = new TreeMap<>();
  private final TreeMap<Long, Batch> pending = new TreeMap<>();
  private final TreeMap<Long, InFlight> inFlight = new TreeMap<>();
  private final TreeMap<Long, ReadyBatch<T>> downloaded = new TreeMap<>();
  private long nextUnbatched;
  private long handedOutUpTo;
  private long importedUpTo;
  private long nextRequestId = 1;
  private SyncStatus.Failed failed;

  private long requests;
  private long retries;
  private long timeouts;
  private long bans;
  private int peersUsed;

  /**
   * Schedules blocks {@code fromNumber..toNumber}, scoring peers in {@code scores} (shared with gossip, so bans
   * made there keep peers out of here too).
   */
  public DownloadScheduler(SyncConfig config, PeerScores scores, long fromNumber, long toNumber) {
    this.config = Objects.requireNonNull(config, "config");
    this.scores = Objects.requireNonNull(scores, "scores");
    if (fromNumber < 0 || toNumber < fromNumber) {
      throw new IllegalArgumentException("range " + fromNumber + ".." + toNumber + " is empty or negative");
    }
    this.fromNumber = fromNumber;
    this.toNumber = toNumber;
    this.nextUnbatched = fromNumber;
    this.handedOutUpTo = fromNumber - 1;
    this.importedUpTo = fromNumber - 1;
  }

  /** A peer connected with its head at {@code headNumber}; for a known peer, as {@link #onPeerHead}. */
  public void onPeerJoined(PeerId peer, long headNumber) {
    PeerState known = peers.get(peer);
    peers.put(peer, known == null
        ? new PeerState(headNumber, RttEstimator.INITIAL, 0, false)
        : new PeerState(headNumber, known.rtt(), known.inFlight(), known.used()));
  }

  /** A peer's new head; ignored for a peer not joined (its update raced its disconnect). */
  public void onPeerHead(PeerId peer, long headNumber) {
    if (peers.containsKey(peer)) {
      onPeerJoined(peer, headNumber);
    }
  }

  /** What a short answer shows of a peer's head, until its next status says otherwise. */
  private void lowerHead(PeerId peer, long headNumber) {
    PeerState known = peers.get(peer);
    if (known != null && known.head() > headNumber) {
      peers.put(peer, new PeerState(headNumber, known.rtt(), known.inFlight(), known.used()));
    }
  }

  /** A peer disconnected: its requests go back to the queue, not counted against it. */
  public void onPeerLeft(PeerId peer) {
    cancelRequestsOf(peer);
    peers.remove(peer);
  }

  /** Follows the tail: the range now ends at {@code newToNumber}, which may not shrink it. */
  public void extendTo(long newToNumber) {
    if (newToNumber < toNumber) {
      throw new IllegalArgumentException("the range ends at " + toNumber + "; cannot shrink to " + newToNumber);
    }
    toNumber = newToNumber;
  }

  /**
   * Gives up on requests whose deadline is at or before {@code nowMillis} (the peer is scored down and the batch
   * queued again), then assigns queued batches to peers and returns the new requests, in order of block number.
   * Returns none once the sync has failed.
   */
  public List<Request> poll(long nowMillis) {
    expire(nowMillis);
    cancelRequestsOfBannedPeers(nowMillis);
    if (failed != null) {
      return List.of();
    }
    cutBatchesWithinWindow();
    List<Request> out = new ArrayList<>();
    for (Batch batch : List.copyOf(pending.values())) {
      choosePeer(batch, nowMillis).ifPresent(peer -> out.add(assign(batch, peer, nowMillis)));
    }
    return out;
  }

  /**
   * The answer to request {@code requestId}. Returns false when that request is no longer awaited (timed out,
   * its peer left or was banned): the items are then dropped.
   */
  public boolean onResponse(long requestId, long nowMillis, Outcome<T> outcome) {
    InFlight f = inFlight.remove(requestId);
    if (f == null) {
      return false;
    }
    PeerId peer = f.request().peer();
    release(peer, rtt -> rtt.withSample(nowMillis - f.sentMillis()));
    if (scores.isBanned(peer, nowMillis)) {
      pending.put(f.batch().from(), f.batch());
      return false;
    }
    switch (outcome) {
      case Outcome.Invalid<T> invalid -> fail(f, PeerEvent.INVALID_DATA, "invalid: " + invalid.reason(), nowMillis);
      case Outcome.Delivered<T> delivered -> onDelivered(f, delivered.items(), delivered.sizeCapped(), nowMillis);
    }
    return true;
  }

  /** The lowest downloaded batch not yet handed out, if it follows the last one handed out. */
  public Optional<ReadyBatch<T>> nextReady() {
    ReadyBatch<T> next = downloaded.remove(handedOutUpTo + 1);
    if (next == null) {
      return Optional.empty();
    }
    handedOutUpTo = next.toNumber();
    return Optional.of(next);
  }

  /** The driver imported every block up to {@code upToNumber}, which frees room in the pipeline. */
  public void onImported(long upToNumber) {
    if (upToNumber < importedUpTo || upToNumber > handedOutUpTo) {
      throw new IllegalArgumentException("imported up to " + upToNumber + ", but blocks up to " + importedUpTo
          + " were imported and up to " + handedOutUpTo + " handed out");
    }
    importedUpTo = upToNumber;
  }

  public SyncStatus status() {
    if (failed != null) {
      return failed;
    }
    return importedUpTo >= toNumber ? new SyncStatus.Complete() : new SyncStatus.Downloading();
  }

  /** Whether every block of the range was imported. */
  public boolean done() {
    return status() instanceof SyncStatus.Complete;
  }

  public SchedulerStats stats() {
    return new SchedulerStats(requests, retries, timeouts, bans, peersUsed, busyPeers());
  }

  public long fromNumber() {
    return fromNumber;
  }

  public long toNumber() {
    return toNumber;
  }

  private void onDelivered(InFlight f, List<T> items, boolean sizeCapped, long nowMillis) {
    Request r = f.request();
    if (items.size() > r.count()) {
      fail(f, PeerEvent.PROTOCOL_VIOLATION, items.size() + " items for a request of " + r.count(), nowMillis);
    } else if (items.isEmpty()) {
      // Its head is below what it claimed (a reorganisation onto a shorter branch, perhaps): stop asking it there.
      lowerHead(r.peer(), r.fromNumber() - 1);
      fail(f, PeerEvent.EMPTY_OR_SHORT_RESPONSE, "empty answer", nowMillis);
    } else {
      downloaded.put(r.fromNumber(), new ReadyBatch<>(r.fromNumber(), items, r.peer()));
      if (items.size() == r.count()) {
        score(r.peer(), PeerEvent.USEFUL_RESPONSE, nowMillis);
      } else {
        Batch rest = f.batch().restAfter(items.size());
        pending.put(rest.from(), rest);
        if (sizeCapped) {
          score(r.peer(), PeerEvent.USEFUL_RESPONSE, nowMillis);
        } else {
          retries++;
          score(r.peer(), PeerEvent.EMPTY_OR_SHORT_RESPONSE, nowMillis);
        }
      }
    }
  }

  private void expire(long nowMillis) {
    List<InFlight> expired = inFlight.values().stream()
        .filter(f -> f.request().deadlineMillis() <= nowMillis)
        .toList();
    for (InFlight f : expired) {
      inFlight.remove(f.request().requestId());
      release(f.request().peer(), RttEstimator::withTimeout);
      timeouts++;
      fail(f, PeerEvent.TIMEOUT, "no answer within " + (f.request().deadlineMillis() - f.sentMillis()) + " ms",
          nowMillis);
    }
  }

  /** Scores the peer down and queues the batch again, recording that the peer failed it. */
  private void fail(InFlight f, PeerEvent event, String reason, long nowMillis) {
    PeerId peer = f.request().peer();
    score(peer, event, nowMillis);
    Batch batch = f.batch().failedOn(peer);
    pending.put(batch.from(), batch);
    retries++;
    if (batch.failedBy().size() > config.retriesMax() && failed == null) {
      failed = new SyncStatus.Failed(batch.from(), batch.to(), reason + " (peer " + peer.shortString()
          + "); failed on " + batch.failedBy().size() + " peers, " + config.retriesMax() + " retries allowed");
    }
  }

  private void score(PeerId peer, PeerEvent event, long nowMillis) {
    if (scores.record(peer, event, nowMillis)) {
      bans++;
      cancelRequestsOf(peer);
    }
  }

  private void cancelRequestsOfBannedPeers(long nowMillis) {
    for (PeerId peer : List.copyOf(peers.keySet())) {
      if (peers.get(peer).inFlight() > 0 && scores.isBanned(peer, nowMillis)) {
        cancelRequestsOf(peer);
      }
    }
  }

  private void cancelRequestsOf(PeerId peer) {
    List<InFlight> theirs = inFlight.values().stream().filter(f -> f.request().peer().equals(peer)).toList();
    for (InFlight f : theirs) {
      inFlight.remove(f.request().requestId());
      release(peer, rtt -> rtt);
      pending.put(f.batch().from(), f.batch());
    }
  }

  private void release(PeerId peer, UnaryOperator<RttEstimator> rttChange) {
    PeerState s = peers.get(peer);
    if (s != null) {
      peers.put(peer, new PeerState(s.head(), rttChange.apply(s.rtt()), s.inFlight() - 1, s.used()));
    }
  }

  /** New batches are cut only where they fit the window of blocks allowed ahead of the last import. */
  private void cutBatchesWithinWindow() {
    long windowEnd = importedUpTo + config.aheadBlocksMax();
    while (nextUnbatched <= toNumber) {
      long end = Math.min(toNumber, nextUnbatched + config.batchSize() - 1);
      if (end > windowEnd) {
        return;
      }
      pending.put(nextUnbatched, new Batch(nextUnbatched, (int) (end - nextUnbatched + 1), Set.of()));
      nextUnbatched = end + 1;
    }
  }

  private Optional<PeerId> choosePeer(Batch batch, long nowMillis) {
    List<PeerId> able = peers.entrySet().stream()
        .filter(e -> e.getValue().head() >= batch.to() && !scores.isBanned(e.getKey(), nowMillis))
        .map(Map.Entry::getKey)
        .toList();
    boolean anotherCanTakeIt = able.stream().anyMatch(p -> !batch.failedBy().contains(p));
    int busy = busyPeers();
    return able.stream()
        .filter(p -> !anotherCanTakeIt || !batch.failedBy().contains(p))
        .filter(p -> hasRoom(peers.get(p), busy))
        .min(preference());
  }

  private boolean hasRoom(PeerState s, int busyPeers) {
    return s.inFlight() < config.requestsPerPeerMax() && (s.inFlight() > 0 || busyPeers < config.peersMax());
  }

  /** Idle peers first (parallelism), then trusted ones, then fast ones; the id breaks ties deterministically. */
  private Comparator<PeerId> preference() {
    return Comparator.<PeerId>comparingInt(p -> peers.get(p).inFlight())
        .thenComparingInt(p -> -scores.score(p))
        .thenComparingLong(p -> peers.get(p).rtt().timeoutMs(config))
        .thenComparing(Comparator.naturalOrder());
  }

  private Request assign(Batch batch, PeerId peer, long nowMillis) {
    PeerState s = peers.get(peer);
    long deadline = nowMillis + s.rtt().timeoutMs(config);
    Request r = new Request(nextRequestId++, peer, batch.from(), batch.count(), deadline);
    pending.remove(batch.from());
    inFlight.put(r.requestId(), new InFlight(r, batch, nowMillis));
    peers.put(peer, new PeerState(s.head(), s.rtt(), s.inFlight() + 1, true));
    if (!s.used()) {
      peersUsed++;
    }
    requests++;
    return r;
  }

  private int busyPeers() {
    return (int) peers.values().stream().filter(s -> s.inFlight() > 0).count();
  }
}
