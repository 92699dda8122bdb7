package io.luxtensor.api.filter;

import io.luxtensor.chain.StoredBlock;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Receipt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The installed filters and the changes each has buffered since its last poll. Pure and single-owner: the caller
 * passes the time, the ids and the chain's events; nothing here reads a clock or starts a thread.
 *
 * <p>A filter whose buffer fills (its client stopped polling while the chain went on) is not trimmed silently: it is
 * marked overflowed, its buffer freed, and its next poll answers {@link Changes.Overflowed} and removes it, so the
 * client knows it missed changes instead of believing it saw them all.
 */
public final class FilterRegistry {
  /** Geth's filter deadline: a filter nobody polled for 5 minutes is abandoned. */
  public static final long FILTER_IDLE_MS_MAX = 5 * 60 * 1000;
  /**
   * Changes one filter buffers between polls: the default eth_getLogs result cap, so a poll never answers more logs
   * than one eth_getLogs may, and enough for a client polling every 4 s (ethers' default) at 2,500 events a second.
   */
  public static final int FILTER_CHANGES_MAX = 10_000;
  /**
   * Changes buffered across all filters. An entry is a reference to an object shared by every filter that buffers it
   * (a hash, a located log), so this bounds the buffers to about 8 MB however many filters wait unpolled; without it
   * 10,000 filters of 10,000 entries could pin 800 MB.
   */
  public static final int CHANGES_BUFFERED_TOTAL_MAX = 1_000_000;
  /** Expired filters are swept at most this often; between sweeps they are still refused when polled. */
  static final long SWEEP_INTERVAL_MS = FILTER_IDLE_MS_MAX / 10;

  /** What a filter reports. */
  public sealed interface Kind {
    /** Hashes of new canonical blocks. */
    record Blocks() implements Kind {}

    /** Hashes of transactions entering the pool. */
    record PendingTransactions() implements Kind {}

    /**
     * Logs of new blocks matching {@code criteria}, within the numeric bounds if given (tags mean "the head").
     *
     * @param criteria addresses and topics
     * @param fromBlock the lowest block whose logs are reported, if the filter named a number
     * @param toBlock the highest, if the filter named a number
     */
    record Logs(LogCriteria criteria, OptionalLong fromBlock, OptionalLong toBlock) implements Kind {
      boolean covers(long blockNumber) {
        return (fromBlock.isEmpty() || blockNumber >= fromBlock.getAsLong())
            && (toBlock.isEmpty() || blockNumber <= toBlock.getAsLong());
      }
    }
  }

  /** The outcome of installing a filter. */
  public sealed interface Installation {
    record Installed(FilterId id) implements Installation {}

    /** The node holds {@code filtersMax} filters already. */
    record TooMany(int filtersMax) implements Installation {}
  }

  /** The answer to a poll. */
  public sealed interface Changes {
    /** New block or transaction hashes, oldest first. */
    record Hashes(List<Hash> hashes) implements Changes {}

    /** New matching logs, oldest first. */
    record Logs(List<LocatedLog> logs) implements Changes {}

    /** No such filter: never installed, uninstalled, expired, or dropped after an overflow was reported. */
    record NotFound() implements Changes {}

    /** The filter missed changes (more than {@code changesMax} waited); it is now removed. */
    record Overflowed(int changesMax) implements Changes {}
  }

  private final int filtersMax;
  private final Map<FilterId, Installed<Hash>> blockFilters = new HashMap<>();
  private final Map<FilterId, Installed<Hash>> pendingFilters = new HashMap<>();
  private final Map<FilterId, Installed<LocatedLog>> logFilters = new HashMap<>();
  private int bufferedTotal;
  private long nextSweepMillis = Long.MIN_VALUE;

  public FilterRegistry(int filtersMax) {
    if (filtersMax < 1) {
      throw new IllegalArgumentException("filtersMax must be at least 1, got " + filtersMax);
    }
    this.filtersMax = filtersMax;
  }

  public Installation install(FilterId id, Kind kind, long nowMillis) {
    sweepIfDue(nowMillis);
    if (size() >= filtersMax) {
      return new Installation.TooMany(filtersMax);
    }
    if (blockFilters.containsKey(id) || pendingFilters.containsKey(id) || logFilters.containsKey(id)) {
      throw new IllegalStateException("filter id " + id + " drawn twice: the id source is not random");
    }
    switch (kind) {
      case Kind.Blocks blocks -> blockFilters.put(id, new Installed<>(kind, nowMillis));
      case Kind.PendingTransactions pending -> pendingFilters.put(id, new Installed<>(kind, nowMillis));
      case Kind.Logs logs -> logFilters.put(id, new Installed<>(kind, nowMillis));
    }
    return new Installation.Installed(id);
  }

  /** The changes since the last poll (eth_getFilterChanges); the filter's idle clock restarts. */
  public Changes changes(FilterId id, long nowMillis) {
    sweepIfDue(nowMillis);
    Installed<Hash> hashes = live(blockFilters, id, nowMillis);
    if (hashes == null) {
      hashes = live(pendingFilters, id, nowMillis);
    }
    if (hashes != null) {
      return hashes.overflowed ? overflowed(id) : new Changes.Hashes(drain(hashes, nowMillis));
    }
    Installed<LocatedLog> logs = live(logFilters, id, nowMillis);
    if (logs != null) {
      return logs.overflowed ? overflowed(id) : new Changes.Logs(drain(logs, nowMillis));
    }
    return new Changes.NotFound();
  }

  /**
   * A log filter's criteria and bounds, for eth_getFilterLogs; empty if there is no such log filter (Geth answers
   * "filter not found" for block and pending-transaction filters too). The filter's idle clock restarts.
   */
  public Optional<Kind.Logs> logFilter(FilterId id, long nowMillis) {
    Installed<LocatedLog> filter = live(logFilters, id, nowMillis);
    if (filter == null) {
      return Optional.empty();
    }
    filter.lastPolledMillis = nowMillis;
    return Optional.of((Kind.Logs) filter.kind);
  }

  /** Removes a filter; false if there was none. */
  public boolean uninstall(FilterId id) {
    Installed<?> removed = blockFilters.remove(id);
    if (removed == null) {
      removed = pendingFilters.remove(id);
    }
    if (removed == null) {
      removed = logFilters.remove(id);
    }
    if (removed != null) {
      bufferedTotal -= removed.changes.size();
    }
    return removed != null;
  }

  /** Buffers a new canonical block for block filters and its matching logs for log filters. */
  public void onNewBlock(StoredBlock block, List<Receipt> receipts, long nowMillis) {
    sweepIfDue(nowMillis);
    Hash hash = block.block().header().hash();
    blockFilters.values().forEach(filter -> buffer(filter, List.of(hash)));
    long number = block.block().header().number();
    for (Installed<LocatedLog> filter : logFilters.values()) {
      Kind.Logs kind = (Kind.Logs) filter.kind;
      if (!filter.overflowed && kind.covers(number) && kind.criteria().mayMatch(block.block().header().logsBloom())) {
        buffer(filter, LocatedLog.matching(block, receipts, kind.criteria()));
      }
    }
  }

  /** Buffers a transaction the pool accepted for pending-transaction filters. */
  public void onPendingTransaction(Hash transactionHash, long nowMillis) {
    sweepIfDue(nowMillis);
    pendingFilters.values().forEach(filter -> buffer(filter, List.of(transactionHash)));
  }

  /**
   * Marks every filter overflowed: events were lost on their way here (the node was overloaded), so no filter's
   * changes are complete any more, and each client learns so at its next poll.
   */
  public void overflowAll() {
    for (Map<FilterId, ? extends Installed<?>> map : all()) {
      map.values().forEach(this::overflow);
    }
  }

  /** Removes the filters idle for longer than {@link #FILTER_IDLE_MS_MAX}; returns how many. */
  public int expireIdle(long nowMillis) {
    int removed = 0;
    for (Map<FilterId, ? extends Installed<?>> map : all()) {
      for (Iterator<? extends Installed<?>> it = map.values().iterator(); it.hasNext(); ) {
        Installed<?> filter = it.next();
        if (filter.idleAt(nowMillis)) {
          bufferedTotal -= filter.changes.size();
          it.remove();
          removed++;
        }
      }
    }
    return removed;
  }

  public int size() {
    return blockFilters.size() + pendingFilters.size() + logFilters.size();
  }

  /** Changes buffered across all filters (bounded by {@link #CHANGES_BUFFERED_TOTAL_MAX}). */
  public int bufferedTotal() {
    return bufferedTotal;
  }

  private void sweepIfDue(long nowMillis) {
    if (nowMillis >= nextSweepMillis) {
      expireIdle(nowMillis);
      nextSweepMillis = nowMillis + SWEEP_INTERVAL_MS;
    }
  }

  private <T> Installed<T> live(Map<FilterId, Installed<T>> filters, FilterId id, long nowMillis) {
    Installed<T> filter = filters.get(id);
    if (filter != null && filter.idleAt(nowMillis)) {
      bufferedTotal -= filter.changes.size();
      filters.remove(id);
      return null;
    }
    return filter;
  }

  private <T> void buffer(Installed<T> filter, List<T> changes) {
    if (filter.overflowed || changes.isEmpty()) {
      return;
    }
    if (filter.changes.size() + changes.size() > FILTER_CHANGES_MAX
        || bufferedTotal + changes.size() > CHANGES_BUFFERED_TOTAL_MAX) {
      overflow(filter);
      return;
    }
    filter.changes.addAll(changes);
    bufferedTotal += changes.size();
  }

  private void overflow(Installed<?> filter) {
    bufferedTotal -= filter.changes.size();
    filter.changes.clear();
    filter.overflowed = true;
  }

  private Changes overflowed(FilterId id) {
    uninstall(id);
    return new Changes.Overflowed(FILTER_CHANGES_MAX);
  }

  private <T> List<T> drain(Installed<T> filter, long nowMillis) {
    filter.lastPolledMillis = nowMillis;
    List<T> out = new ArrayList<>(filter.changes);
    bufferedTotal -= out.size();
    filter.changes.clear();
    return out;
  }

  private List<Map<FilterId, ? extends Installed<?>>> all() {
    return List.of(blockFilters, pendingFilters, logFilters);
  }

  /** One installed filter: what it reports, what waits for its next poll, when it was last polled. */
  private static final class Installed<T> {
    private final Kind kind;
    private final ArrayDeque<T> changes = new ArrayDeque<>();
    private long lastPolledMillis;
    private boolean overflowed;

    private Installed(Kind kind, long nowMillis) {
      this.kind = kind;
      this.lastPolledMillis = nowMillis;
    }

    private boolean idleAt(long nowMillis) {
      return nowMillis - lastPolledMillis > FILTER_IDLE_MS_MAX;
    }
  }
}
