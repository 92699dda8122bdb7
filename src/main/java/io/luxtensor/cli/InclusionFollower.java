package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Follows the chain from a block on and hands each block's transaction hashes over as soon as it is seen. The
 * next block is asked for right after each one; when there is none yet, again after a pause or as soon as a new
 * head is announced ({@link #headAnnounced}, from a newHeads subscription). A block whose parent is not the block
 * seen before it means the chain was reorganised: the follower steps back and reads the replaced blocks again, whose
 * transactions may differ (on a network of several validators). Runs on its channel's Vert.x context.
 */
final class InclusionFollower {
  /** Over HTTP: adds at most 10 ms to a time to inclusion, and costs the node at most 100 idle polls a second. */
  static final long POLL_INTERVAL_MS = 10;
  /** With newHeads announcing blocks: a poll now and then all the same, in case an announcement was dropped. */
  static final long ANNOUNCED_POLL_INTERVAL_MS = 500;
  /** Far deeper than a reorganisation of a chain that finalizes within slots. */
  static final int REMEMBERED_BLOCKS_MAX = 1_024;

  /** Receives each block followed. */
  interface Blocks {
    void seen(long number, List<String> transactionHashes, long seenAtNanos);
  }

  private final Vertx vertx;
  private final RpcChannel channel;
  private final long pollIntervalMillis;
  private final Blocks blocks;
  private long next;
  /** The hashes of the blocks seen last, the newest (block next - 1) last. */
  private final Deque<String> seenHashes = new ArrayDeque<>();
  private long blocksReplaced;
  private boolean asking;
  private boolean announcedWhileAsking;
  private boolean stopped;
  private long errors;
  private String firstError = "";

  /**
   * @param first the first block to follow
   * @param pollIntervalMillis the pause before asking again for a block not there yet
   */
  InclusionFollower(Vertx vertx, RpcChannel channel, long first, long pollIntervalMillis, Blocks blocks) {
    this.vertx = vertx;
    this.channel = channel;
    this.next = first;
    this.pollIntervalMillis = pollIntervalMillis;
    this.blocks = blocks;
  }

  void start() {
    ask();
  }

  /** A new head exists: ask for the next block now rather than after the pause. */
  void headAnnounced() {
    if (asking) {
      announcedWhileAsking = true;
    } else {
      ask();
    }
  }

  void stop() {
    stopped = true;
  }

  /** Blocks seen and then found replaced by a reorganisation of the chain (each was read again). */
  long blocksReplaced() {
    return blocksReplaced;
  }

  /** Requests for blocks that failed (the follower asked again after a pause). */
  long errors() {
    return errors;
  }

  /** The first of those failures; empty if none. */
  String firstError() {
    return firstError;
  }

  private void ask() {
    if (stopped || asking) {
      return;
    }
    asking = true;
    announcedWhileAsking = false;
    channel.send("{\"jsonrpc\":\"2.0\",\"id\":" + next + ",\"method\":\"eth_getBlockByNumber\",\"params\":[\""
        + Hex.encodeQuantity(next) + "\",false]}").onComplete(this::answered);
  }

  private void answered(AsyncResult<JsonNode> done) {
    long seenAt = System.nanoTime();
    asking = false;
    if (stopped) {
      return;
    }
    JsonNode block = done.succeeded() ? done.result().path("result") : null;
    if (block == null || !done.result().has("result")) {
      errors++;
      if (firstError.isEmpty()) {
        firstError = done.succeeded() ? "eth_getBlockByNumber answered " + done.result()
            : RpcChannel.describe(done.cause());
      }
      askLater();
    } else if (block.isNull()) {
      if (announcedWhileAsking) {
        ask();
      } else {
        askLater();
      }
    } else if (!seenHashes.isEmpty() && !seenHashes.peekLast().equals(block.path("parentHash").asText())) {
      blocksReplaced++;
      seenHashes.removeLast();
      next--;
      ask();
    } else {
      List<String> hashes = new ArrayList<>(block.path("transactions").size());
      block.path("transactions").forEach(hash -> hashes.add(hash.asText()));
      blocks.seen(next, hashes, seenAt);
      seenHashes.addLast(block.path("hash").asText());
      if (seenHashes.size() > REMEMBERED_BLOCKS_MAX) {
        seenHashes.removeFirst();
      }
      next++;
      ask();
    }
  }

  private void askLater() {
    vertx.setTimer(pollIntervalMillis, timer -> ask());
  }
}
