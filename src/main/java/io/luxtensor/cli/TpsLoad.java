package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.api.http.ApiSafety;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * The load of {@code bench tps}: pre-signed transfers sent in JSON-RPC batches over several connections (HTTP, or
 * WebSockets), as fast as possible or paced at a rate, while the chain is followed to see each one included.
 *
 * <p>A transfer's time to inclusion runs from its submission to the moment the generator saw it in a block. Paced,
 * the submission time is the intended one, {@code start + i / rate}: a node or generator that falls behind shows
 * in these times, not only in a lower rate (no coordinated omission). At most {@code window} transfers are in
 * flight (sent, and neither refused nor seen in a block), so that a run as fast as possible keeps the node's pool
 * busy without overflowing it. An accepted transfer queued behind a refused nonce of its sender can never be
 * included: it leaves the window, and the run does not wait for it.
 *
 * <p>Threads: the calling thread paces the batches and waits for the window and a free connection; everything
 * else (answers, blocks, counts) happens on one Vert.x event loop, which owns that state.
 */
final class TpsLoad {
  /** An answer this late counts as a refusal: far beyond any time worth measuring (as bench rpc). */
  static final long REQUEST_TIMEOUT_MS_MAX = RpcLoad.REQUEST_TIMEOUT_MS_MAX;
  /** Largest answer read over a WebSocket: the node's own limit on a response. */
  static final int MESSAGE_BYTES_MAX = ApiSafety.RESPONSE_BYTES_MAX;

  /**
   * How to send.
   *
   * @param url the node's JSON-RPC endpoint: http(s):// or, for WebSockets, ws(s)://
   * @param batch transfers in one JSON-RPC batch at most
   * @param connections connections sending at once, one batch in flight on each
   * @param window transfers in flight at most
   * @param ratePerSecond transfers per second; 0 for as fast as possible
   * @param timeout how long to wait, after the last answer, for the accepted transfers to be included; and for
   *     room in the window before giving up sending
   */
  record Settings(URI url, int batch, int connections, int window, int ratePerSecond, Duration timeout) {
    boolean webSocket() {
      return url.getScheme().startsWith("ws");
    }

    boolean paced() {
      return ratePerSecond > 0;
    }
  }

  /**
   * What was measured. Times are {@link System#nanoTime()} readings.
   *
   * @param submitted transfers sent (fewer than all only if sending stopped, see {@code stoppedBecause})
   * @param accepted transfers the node accepted
   * @param included transfers seen in blocks
   * @param rejections the refused ones, by reason
   * @param inclusionNanos times from submission to inclusion
   * @param firstSentNanos when the first batch was sent
   * @param lastAnswerNanos when the last answer to a batch came
   * @param lastInclusionNanos when the last transfer was seen in a block
   * @param blocks blocks followed, from the first after the start
   * @param stoppedBecause why sending stopped before the end; empty if it did not
   * @param followErrors failed requests for blocks, and the first one's reason (empty if none)
   * @param blocksReplaced blocks followed and then replaced by a reorganisation (read again)
   */
  record Outcome(int submitted, int accepted, int included, Rejections rejections, Histogram inclusionNanos,
      long firstSentNanos, long lastAnswerNanos, long lastInclusionNanos, long blocks, String stoppedBecause,
      long followErrors, String firstFollowError, long blocksReplaced) {}

  private final Settings settings;
  private final List<String> requests;
  private final Map<String, Integer> transferOfHash;
  private final long firstBlock;
  private final Semaphore window;
  private final BlockingQueue<RpcChannel> idle = new LinkedBlockingQueue<>();
  private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
  /** Written by the sending thread before a batch is handed to the event loop. */
  private final long[] sentAtNanos;

  // Owned by the event loop.
  private final TransferLedger ledger;
  private final Histogram inclusionNanos = new Histogram(3);
  private InclusionFollower follower;
  /**
   * Closed when the run ends: left to Vert.x's close, a WebSocket with a live subscription waited out the 30 s
   * shutdown timeout (seen with the node in the same JVM).
   */
  private final List<WebSocketRpcChannel> webSockets = new ArrayList<>();
  private int answered;
  private long firstSentNanos;
  private long lastAnswerNanos;
  private long lastInclusionNanos;
  private long blocks;
  /** Transfers handed to the event loop; -1 while sending goes on. */
  private int submitted = -1;
  private String stoppedBecause = "";
  private boolean waitingForInclusion;

  /**
   * @param signed the transfers, transfer {@code i} from sender {@code i mod senders}
   * @param firstBlock the first block that may include them
   */
  TpsLoad(Settings settings, BenchTransfers.Signed signed, int senders, long firstBlock) {
    this.settings = settings;
    this.requests = signed.requests();
    this.firstBlock = firstBlock;
    this.transferOfHash = new HashMap<>(signed.hashes().size() * 2);
    for (int i = 0; i < signed.hashes().size(); i++) {
      transferOfHash.put(signed.hashes().get(i), i);
    }
    this.window = new Semaphore(settings.window());
    this.sentAtNanos = new long[requests.size()];
    this.ledger = new TransferLedger(requests.size(), senders, window::release);
  }

  /**
   * Sends every transfer and follows them into blocks.
   *
   * @throws CliException if the connections cannot be opened (exit 3)
   */
  Outcome run() throws InterruptedException {
    Vertx vertx = Vertx.vertx();
    try {
      Context context = vertx.getOrCreateContext();
      CompletableFuture<Void> opened = new CompletableFuture<>();
      context.runOnContext(v -> open(vertx).onComplete(done -> {
        if (done.succeeded()) {
          opened.complete(null);
        } else {
          opened.completeExceptionally(done.cause());
        }
      }));
      await(opened, REQUEST_TIMEOUT_MS_MAX * 2);
      send(context);
      return await(outcome, settings.timeout().toMillis() + REQUEST_TIMEOUT_MS_MAX * 4);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  /** Opens the sending connections and the follower's, and starts following. */
  private Future<Void> open(Vertx vertx) {
    if (!settings.webSocket()) {
      HttpClient sending = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(settings.connections()));
      for (int i = 0; i < settings.connections(); i++) {
        idle.add(new HttpRpcChannel(sending, settings.url(), REQUEST_TIMEOUT_MS_MAX));
      }
      // Its own connection: blocks are not asked for behind the batches.
      HttpClient following = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(1));
      follower = new InclusionFollower(vertx, new HttpRpcChannel(following, settings.url(), REQUEST_TIMEOUT_MS_MAX),
          firstBlock, InclusionFollower.POLL_INTERVAL_MS, this::blockSeen);
      follower.start();
      return Future.succeededFuture();
    }
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxMessageSize(MESSAGE_BYTES_MAX));
    List<Future<WebSocketRpcChannel>> connections = new ArrayList<>();
    for (int i = 0; i <= settings.connections(); i++) {
      connections.add(WebSocketRpcChannel.connect(vertx, client, settings.url(), REQUEST_TIMEOUT_MS_MAX));
    }
    // join, not all: when one fails, every other has finished trying, and those made are closed.
    return Future.join(connections).onFailure(failed -> connections.stream().filter(Future::succeeded)
        .forEach(connection -> connection.result().close("another connection failed"))).compose(all -> {
      connections.subList(1, connections.size()).forEach(c -> idle.add(c.result()));
      connections.forEach(connection -> webSockets.add(connection.result()));
      WebSocketRpcChannel following = connections.get(0).result();
      follower = new InclusionFollower(vertx, following, firstBlock, InclusionFollower.ANNOUNCED_POLL_INTERVAL_MS,
          this::blockSeen);
      following.onNotification(head -> follower.headAnnounced());
      return following.send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}")
          .compose(answer -> answer.has("result") ? Future.succeededFuture()
              : Future.failedFuture(new RpcChannel.TransportException("eth_subscribe answered " + answer)));
    }).onSuccess(subscribed -> follower.start()).mapEmpty();
  }

  /** Hands the transfers to the event loop in batches, paced, as the window and the connections allow. */
  private void send(Context context) throws InterruptedException {
    long start = System.nanoTime();
    long intervalNanos = settings.paced() ? TimeUnit.SECONDS.toNanos(1) / settings.ratePerSecond() : 0;
    int next = 0;
    String stopped = "";
    while (next < requests.size()) {
      int end = Math.min(requests.size(), next + settings.batch());
      if (settings.paced()) {
        RpcLoad.waitUntil(start + next * intervalNanos);
        // Everything due by now, up to a batch: a late wake-up sends more at once rather than falling behind.
        end = (int) Math.min(end, (System.nanoTime() - start) / intervalNanos + 1);
      }
      int count = end - next;
      if (!window.tryAcquire(count, settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        stopped = "no room in the window of " + settings.window() + " for " + settings.timeout().toSeconds()
            + " s: the node stopped including transfers";
        break;
      }
      RpcChannel channel = idle.poll(REQUEST_TIMEOUT_MS_MAX * 2, TimeUnit.MILLISECONDS);
      if (channel == null) {
        window.release(count);
        stopped = "no connection came free within " + REQUEST_TIMEOUT_MS_MAX * 2 + " ms";
        break;
      }
      long now = System.nanoTime();
      for (int i = next; i < end; i++) {
        sentAtNanos[i] = settings.paced() ? start + i * intervalNanos : now;
      }
      String body = "[" + String.join(",", requests.subList(next, end)) + "]";
      int from = next;
      int to = end;
      context.runOnContext(v -> submit(channel, from, to, body));
      next = end;
    }
    int sent = next;
    String why = stopped;
    context.runOnContext(v -> {
      submitted = sent;
      stoppedBecause = why;
      finishIfDone();
    });
  }

  private void submit(RpcChannel channel, int from, int to, String body) {
    if (from == 0) {
      firstSentNanos = sentAtNanos[0];
    }
    channel.send(body).onComplete(done -> {
      idle.add(channel);
      answered(from, to, done);
    });
  }

  /** Reads the answers to transfers {@code [from, to)}; one missing counts as refused with the batch's error. */
  private void answered(int from, int to, AsyncResult<JsonNode> done) {
    lastAnswerNanos = System.nanoTime();
    boolean[] answeredInBatch = new boolean[to - from];
    if (done.succeeded() && done.result().isArray()) {
      for (JsonNode answer : done.result()) {
        int id = answer.path("id").asInt(-1);
        if (id >= from && id < to && !answeredInBatch[id - from]) {
          answeredInBatch[id - from] = true;
          if (answer.has("result")) {
            ledger.accepted(id);
          } else {
            ledger.refused(id, errorMessage(answer));
          }
        }
      }
    }
    String batchError = done.failed() ? RpcChannel.describe(done.cause())
        : done.result().isArray() ? "no answer for it in the batch's answer" : errorMessage(done.result());
    for (int i = from; i < to; i++) {
      if (!answeredInBatch[i - from]) {
        ledger.refused(i, batchError);
      }
    }
    answered += to - from;
    finishIfDone();
  }

  private static String errorMessage(JsonNode answer) {
    JsonNode message = answer.path("error").path("message");
    return message.isTextual() ? message.asText() : "neither result nor error: " + answer;
  }

  private void blockSeen(long number, List<String> hashes, long seenAtNanos) {
    blocks = number - firstBlock + 1;
    for (String hash : hashes) {
      Integer transfer = transferOfHash.get(hash);
      if (transfer != null && ledger.included(transfer)) {
        inclusionNanos.recordValue(Math.max(0, seenAtNanos - sentAtNanos[transfer]));
        lastInclusionNanos = seenAtNanos;
      }
    }
    finishIfDone();
  }

  /** Ends the run once all is sent and answered and nothing accepted awaits inclusion, or after the timeout. */
  private void finishIfDone() {
    if (outcome.isDone() || submitted < 0 || answered < submitted) {
      return;
    }
    if (ledger.awaited() == 0) {
      finish();
    } else if (!waitingForInclusion) {
      waitingForInclusion = true;
      Vertx.currentContext().owner().setTimer(settings.timeout().toMillis(), timer -> finish());
    }
  }

  private void finish() {
    if (outcome.isDone()) {
      return;
    }
    follower.stop();
    webSockets.forEach(socket -> socket.close("the run is over"));
    outcome.complete(new Outcome(submitted, ledger.accepted(), ledger.included(), ledger.rejections(),
        inclusionNanos, firstSentNanos, lastAnswerNanos, lastInclusionNanos, blocks, stoppedBecause,
        follower.errors(), follower.firstError(), follower.blocksReplaced()));
  }

  private static <T> T await(CompletableFuture<T> future, long timeoutMillis) throws InterruptedException {
    try {
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new CliException(ExitCodes.UNREACHABLE, "cannot open the connections to the node: "
          + RpcChannel.describe(e.getCause()), e.getCause());
    } catch (TimeoutException e) {
      throw new CliException(ExitCodes.FAILED, "the node did not answer within " + timeoutMillis + " ms");
    }
  }
}
