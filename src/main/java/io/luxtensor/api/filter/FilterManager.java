package io.luxtensor.api.filter;

import io.luxtensor.chain.StoredBlock;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Receipt;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The filters of the JSON-RPC API on their own thread (DESIGN §3, STYLE §5): the thread owns a {@link FilterRegistry};
 * RPC calls and the chain's events reach it as tasks on one bounded queue. The chain thread only enqueues, so filters
 * never slow block production; if the queue is full an event is dropped and every filter is told, at its next poll,
 * that it missed changes.
 */
public final class FilterManager implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(FilterManager.class.getName());
  /**
   * Tasks waiting for the filter thread. A task takes microseconds per filter, so 10,000 absorb a burst of blocks
   * and pending transactions seconds long; beyond it the node is overloaded and sheds filter work, not the chain's.
   */
  public static final int TASKS_QUEUED_MAX = 10_000;
  /** How long an RPC call waits for the filter thread: a full queue drains well within it. */
  static final long CALL_TIMEOUT_MS_MAX = 10_000;

  private final FilterRegistry registry;
  private final LongSupplier clockMillis;
  private final SecureRandom ids = new SecureRandom();
  private final ThreadPoolExecutor thread;
  private final AtomicBoolean eventsLost = new AtomicBoolean();

  /**
   * @param filtersMax filters installed at once, across all clients (HTTP gives no client identity to count by)
   * @param clockMillis the time, for idle expiry
   */
  public FilterManager(int filtersMax, LongSupplier clockMillis) {
    this.registry = new FilterRegistry(filtersMax);
    this.clockMillis = clockMillis;
    this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(TASKS_QUEUED_MAX),
        runnable -> {
          Thread t = new Thread(runnable, "luxtensor-filters");
          t.setDaemon(true);
          return t;
        });
  }

  public FilterRegistry.Installation install(FilterRegistry.Kind kind) throws FiltersBusyException {
    return call(() -> registry.install(FilterId.random(ids), kind, clockMillis.getAsLong()));
  }

  public FilterRegistry.Changes changes(FilterId id) throws FiltersBusyException {
    return call(() -> registry.changes(id, clockMillis.getAsLong()));
  }

  public Optional<FilterRegistry.Kind.Logs> logFilter(FilterId id) throws FiltersBusyException {
    return call(() -> registry.logFilter(id, clockMillis.getAsLong()));
  }

  public boolean uninstall(FilterId id) throws FiltersBusyException {
    return call(() -> registry.uninstall(id));
  }

  /** From the chain thread: never blocks. */
  public void onNewBlock(StoredBlock block, List<Receipt> receipts) {
    event(() -> registry.onNewBlock(block, receipts, clockMillis.getAsLong()));
  }

  /** From the chain thread: never blocks. */
  public void onPendingTransaction(Hash transactionHash) {
    event(() -> registry.onPendingTransaction(transactionHash, clockMillis.getAsLong()));
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  private void event(Runnable task) {
    try {
      thread.execute(() -> {
        reportLostEvents();
        task.run();
      });
    } catch (RejectedExecutionException e) {
      if (!thread.isShutdown() && !eventsLost.getAndSet(true)) {
        LOG.log(System.Logger.Level.WARNING, "filter queue full (" + TASKS_QUEUED_MAX + " tasks): events dropped, "
            + "every filter will report that it missed changes");
      }
    }
  }

  private <T> T call(Supplier<T> task) throws FiltersBusyException {
    CompletableFuture<T> result;
    try {
      result = CompletableFuture.supplyAsync(() -> {
        reportLostEvents();
        return task.get();
      }, thread);
    } catch (RejectedExecutionException e) {
      throw new FiltersBusyException("the filter service is busy (" + TASKS_QUEUED_MAX + " tasks queued); retry");
    }
    try {
      return result.get(CALL_TIMEOUT_MS_MAX, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the filter thread", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a filter task failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the filter thread did not answer within " + CALL_TIMEOUT_MS_MAX + " ms", e);
    }
  }

  private void reportLostEvents() {
    if (eventsLost.getAndSet(false)) {
      registry.overflowAll();
    }
  }
}
