package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop JSON-RPC load: request {@code i} is due at {@code start + i / rate}, whatever happened to the ones
 * before, and its latency runs from that intended time to the end of its response. A stalled node or a late sender
 * therefore shows up in the latencies instead of silently lowering the rate (no coordinated omission). Calls take
 * turns; requests share {@code connections} keep-alive connections, queueing when all are busy.
 */
final class RpcLoad {
  /** A request unanswered this long counts as an error: far beyond any latency worth measuring. */
  static final long REQUEST_TIMEOUT_MS_MAX = 10_000;
  /**
   * Requests outstanding at once: 10 s of the highest rate at the timeout. Beyond it, the node is not answering
   * and further requests are counted as errors instead of growing the client's queue.
   */
  static final int IN_FLIGHT_MAX = 100_000;

  /**
   * @param url the node's JSON-RPC endpoint
   * @param ratePerSecond requests per second, all calls together
   * @param warmup time at the rate before measuring (JIT, connection set-up)
   * @param duration time measured
   * @param calls the calls, sent in turn
   * @param connections keep-alive connections to the node
   */
  record Settings(URI url, int ratePerSecond, Duration warmup, Duration duration, List<RpcBenchCall> calls,
      int connections) {}

  private final Settings settings;
  private final Map<String, RpcBenchStats> stats = new LinkedHashMap<>();
  private final List<RpcBenchStats> statsByTurn = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  RpcLoad(Settings settings) {
    this.settings = settings;
    for (RpcBenchCall call : settings.calls()) {
      RpcBenchStats callStats = stats.computeIfAbsent(call.method(), RpcBenchStats::new);
      statsByTurn.add(callStats);
    }
  }

  /**
   * What a run measured.
   *
   * @param calls the measured calls, in {@code --methods} order
   * @param warmupBacklog from the warm-up's last intended send to its last answer (or to giving up on it): how far
   *     behind the warm-up left the node, which the measured requests then did not inherit
   */
  record Outcome(List<RpcBenchStats> calls, Duration warmupBacklog) {}

  /**
   * Runs the warm-up, waits for its answers, then runs the measured load on a schedule of its own. Without the wait,
   * the requests due first in the measured window would queue behind a backlog the warm-up left (a cold JVM's), and
   * their latencies would measure the warm-up rather than the node at the rate.
   */
  Outcome run() throws InterruptedException {
    Vertx vertx = Vertx.vertx();
    try {
      HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(settings.connections()));
      RpcChannel channel = new HttpRpcChannel(client, settings.url(), REQUEST_TIMEOUT_MS_MAX);
      Context context = vertx.getOrCreateContext();
      long intervalNanos = TimeUnit.SECONDS.toNanos(1) / settings.ratePerSecond();
      long warmupEnd = System.nanoTime() + settings.warmup().toNanos();
      sendAtRate(channel, context, settings.warmup().toNanos() / intervalNanos, intervalNanos, false)
          .await(REQUEST_TIMEOUT_MS_MAX * 2, TimeUnit.MILLISECONDS);
      Duration warmupBacklog = Duration.ofNanos(Math.max(0, System.nanoTime() - warmupEnd));
      // Requests still unanswered then are counted as errors (sent, never answered with a result).
      sendAtRate(channel, context, settings.duration().toNanos() / intervalNanos, intervalNanos, true)
          .await(REQUEST_TIMEOUT_MS_MAX * 2, TimeUnit.MILLISECONDS);
      return new Outcome(List.copyOf(stats.values()), settings.warmup().isZero() ? Duration.ZERO : warmupBacklog);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  /** Sends {@code count} requests, one every {@code intervalNanos} from now; the latch counts their outcomes. */
  private CountDownLatch sendAtRate(RpcChannel channel, Context context, long count, long intervalNanos,
      boolean measured) {
    CountDownLatch answered = new CountDownLatch(Math.toIntExact(count));
    long start = System.nanoTime();
    if (measured) {
      stats.values().forEach(s -> s.startMeasuring(start));
    }
    long next = 0;
    while (next < count) {
      waitUntil(start + next * intervalNanos);
      // Everything due by now goes to the event loop in one task: a late wake-up costs one hand-off, not many.
      long dueEnd = Math.min(count, (System.nanoTime() - start) / intervalNanos + 1);
      List<Due> due = new ArrayList<>((int) (dueEnd - next));
      for (long i = next; i < dueEnd; i++) {
        int turn = (int) (i % statsByTurn.size());
        due.add(new Due(settings.calls().get(turn).body(i), start + i * intervalNanos, statsByTurn.get(turn),
            measured));
      }
      next = dueEnd;
      context.runOnContext(v -> due.forEach(request -> send(channel, request, answered)));
    }
    return answered;
  }

  /** A request whose time has come. */
  private record Due(String body, long intendedNanos, RpcBenchStats stats, boolean measured) {}

  /** Sends a due request (on the event loop) and records its outcome against its intended time. */
  private void send(RpcChannel channel, Due request, CountDownLatch answered) {
    request.stats().sent(request.measured());
    if (inFlight.incrementAndGet() > IN_FLIGHT_MAX) {
      inFlight.decrementAndGet();
      request.stats().failed(request.measured(), "client overloaded: " + IN_FLIGHT_MAX + " requests in flight");
      answered.countDown();
      return;
    }
    channel.send(request.body()).onComplete(done -> {
      long end = System.nanoTime();
      inFlight.decrementAndGet();
      String error = done.succeeded() ? problem(done.result()) : RpcChannel.describe(done.cause());
      if (error == null) {
        request.stats().succeeded(request.measured(), end - request.intendedNanos(), end);
      } else {
        request.stats().failed(request.measured(), error);
      }
      answered.countDown();
    });
  }

  /** Null when the answer carries a result; otherwise its error. */
  private static String problem(JsonNode response) {
    if (response.has("result")) {
      return null;
    }
    return response.has("error") ? response.get("error").toString() : "neither result nor error: " + response;
  }

  /** Paces the sender: parks until {@code deadlineNanos}, returning at once when it has passed. */
  static void waitUntil(long deadlineNanos) {
    long remaining;
    while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
    }
  }
}
