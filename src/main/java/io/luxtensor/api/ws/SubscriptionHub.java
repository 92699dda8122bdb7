package io.luxtensor.api.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.sync.SyncEvent;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Log;
import io.luxtensor.types.Receipt;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers chain events to subscriptions. Publishing only enqueues (the chain thread never waits); one dispatcher
 * thread renders each event once and writes it to every matching subscriber, whose connection drops itself if its
 * outbound queue is full, so a slow subscriber costs the others nothing.
 */
public final class SubscriptionHub implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SubscriptionHub.class.getName());
  /**
   * Events waiting for the dispatcher. Dispatching an event takes microseconds per subscriber, so a backlog this long
   * means the node is overloaded; events beyond it are dropped and counted rather than slowing block import.
   */
  static final int EVENTS_QUEUED_MAX = 10_000;

  private final ObjectMapper json;
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor dispatcher;
  private final AtomicLong droppedEvents = new AtomicLong();

  public SubscriptionHub(ObjectMapper json) {
    this.json = json;
    this.dispatcher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(EVENTS_QUEUED_MAX),
        runnable -> {
          Thread thread = new Thread(runnable, "luxtensor-subscriptions");
          thread.setDaemon(true);
          return thread;
        },
        (task, executor) -> {
          long dropped = droppedEvents.incrementAndGet();
          LOG.log(System.Logger.Level.WARNING, "subscription dispatcher overloaded: dropped event " + dropped);
        });
  }

  /** Events dropped because the dispatcher fell behind (should stay 0). */
  public long droppedEvents() {
    return droppedEvents.get();
  }

  public int subscriptionCount() {
    return subscriptions.size();
  }

  void add(Subscription subscription) {
    subscriptions.add(subscription);
  }

  void remove(Subscription subscription) {
    subscriptions.remove(subscription);
  }

  /** A new head with its receipts: newHeads get the header, logs subscriptions each matching log. */
  public void publishNewHead(StoredBlock block, List<Receipt> receipts) {
    dispatcher.execute(() -> dispatchNewHead(block, receipts));
  }

  /** A transaction the pool accepted. */
  public void publishPending(RecoveredTransaction transaction) {
    dispatcher.execute(() -> dispatchPending(transaction));
  }

  /**
   * A sync started or ended: syncing subscribers get Geth's
   * {@code {"syncing": true|false, "status": {startingBlock, currentBlock, highestBlock}}}.
   */
  public void publishSyncing(SyncEvent change) {
    dispatcher.execute(() -> dispatchSyncing(change));
  }

  private void dispatchSyncing(SyncEvent change) {
    ObjectNode event = json.createObjectNode();
    event.put("syncing", change.syncing());
    event.set("status", JsonRpcResults.syncProgress(change.progress()));
    String eventJson = write(event);
    for (Subscription subscription : subscriptions) {
      if (subscription.isActive() && subscription.kind() instanceof Subscription.Kind.Syncing) {
        subscription.session().notify(subscription, eventJson);
      }
    }
  }

  private void dispatchNewHead(StoredBlock block, List<Receipt> receipts) {
    BlockHeader header = block.block().header();
    String headerJson = null;
    List<LogEntry> logs = null;
    for (Subscription subscription : subscriptions) {
      if (!subscription.isActive()) {
        continue;
      }
      switch (subscription.kind()) {
        case Subscription.Kind.NewHeads heads -> {
          if (headerJson == null) {
            headerJson = write(JsonRpcResults.header(header));
          }
          subscription.session().notify(subscription, headerJson);
        }
        case Subscription.Kind.Logs wanted -> {
          if (!wanted.filter().mayMatch(header.logsBloom())) {
            continue;
          }
          if (logs == null) {
            logs = logsOf(block, receipts);
          }
          for (LogEntry entry : logs) {
            if (wanted.filter().matches(entry.log())) {
              subscription.session().notify(subscription, entry.json());
            }
          }
        }
        case Subscription.Kind.PendingTransactions pending -> { }
        case Subscription.Kind.Syncing syncing -> { }
      }
    }
  }

  private void dispatchPending(RecoveredTransaction transaction) {
    Transaction tx = transaction.transaction();
    String hashJson = null;
    String fullJson = null;
    for (Subscription subscription : subscriptions) {
      if (subscription.isActive() && subscription.kind() instanceof Subscription.Kind.PendingTransactions pending) {
        if (pending.fullTransactions()) {
          if (fullJson == null) {
            fullJson = write(JsonRpcResults.transaction(tx, transaction.sender(), null, 0));
          }
          subscription.session().notify(subscription, fullJson);
        } else {
          if (hashJson == null) {
            hashJson = "\"" + tx.hash().toHex() + "\"";
          }
          subscription.session().notify(subscription, hashJson);
        }
      }
    }
  }

  private List<LogEntry> logsOf(StoredBlock block, List<Receipt> receipts) {
    List<LogEntry> out = new ArrayList<>();
    int logIndex = 0;
    for (int i = 0; i < receipts.size(); i++) {
      Transaction tx = block.block().transactions().get(i);
      for (Log log : receipts.get(i).logs()) {
        out.add(new LogEntry(log, write(JsonRpcResults.log(log, block.block().header(), tx.hash(), i, logIndex++))));
      }
    }
    return out;
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialize", e);
    }
  }

  @Override
  public void close() {
    dispatcher.shutdownNow();
  }

  private record LogEntry(Log log, String json) {}
}
