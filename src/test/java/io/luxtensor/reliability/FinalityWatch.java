package io.luxtensor.reliability;

import io.luxtensor.reliability.TestnetProcesses.BlockSeen;
import io.luxtensor.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Asks every node for its finalized block ten times a second while faults are injected, and records what breaks the
 * safety invariants: two nodes (or one node at two times) reporting different blocks finalized at one height, and a
 * node whose finalized block goes back, also across its restarts. Nodes that do not answer (killed, paused) are
 * skipped until they do.
 */
final class FinalityWatch implements AutoCloseable {
  private static final long POLL_MILLIS = 100;

  private final TestnetProcesses testnet;
  /** The first hash seen finalized at each height, by any node. */
  private final Map<Long, String> finalizedHashes = new ConcurrentHashMap<>();
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLongArray lastFinalized;
  /** The slot of the newest finalized block each node has reported. */
  private final AtomicLongArray lastFinalizedSlot;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread poller;

  FinalityWatch(TestnetProcesses testnet) {
    this.testnet = testnet;
    this.lastFinalized = new AtomicLongArray(testnet.size());
    this.lastFinalizedSlot = new AtomicLongArray(testnet.size());
    this.poller = Thread.ofVirtual().name("finality-watch").start(this::poll);
  }

  private void poll() {
    while (running.get()) {
      for (int node = 0; node < testnet.size() && running.get(); node++) {
        int current = node;
        testnet.block(node, "finalized").ifPresent(block -> check(current, block));
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void check(int node, BlockSeen finalized) {
    long before = lastFinalized.get(node);
    if (finalized.number() < before) {
      violations.add("node" + node + "'s finalized block went back from " + before + " to " + finalized.number());
    }
    lastFinalized.accumulateAndGet(node, finalized.number(), Math::max);
    lastFinalizedSlot.accumulateAndGet(node, finalized.slot(), Math::max);
    String first = finalizedHashes.putIfAbsent(finalized.number(), finalized.hash());
    if (first != null && !first.equals(finalized.hash())) {
      violations.add("two blocks finalized at height " + finalized.number() + ": " + first + " and "
          + finalized.hash() + " (node" + node + ")");
    }
  }

  /**
   * {@code node}'s data directory was wiped while it was down: it starts again from genesis, which is not finality
   * going back. Blocks it reports finalized must still agree with everyone's.
   */
  void dataWiped(int node) {
    lastFinalized.set(node, 0);
    lastFinalizedSlot.set(node, 0);
  }

  /** The highest finalized height {@code node} has reported. */
  long finalizedOn(int node) {
    return lastFinalized.get(node);
  }

  long lowestFinalized() {
    long lowest = Long.MAX_VALUE;
    for (int node = 0; node < testnet.size(); node++) {
      lowest = Math.min(lowest, lastFinalized.get(node));
    }
    return lowest;
  }

  long highestFinalized() {
    return highestFinalizedExcept(-1);
  }

  /** The highest finalized height any node but {@code except} has reported. */
  long highestFinalizedExcept(int except) {
    long highest = 0;
    for (int node = 0; node < testnet.size(); node++) {
      if (node != except) {
        highest = Math.max(highest, lastFinalized.get(node));
      }
    }
    return highest;
  }

  /** Waits until every node has reported {@code height} finalized, showing each node's height and node0's log if not. */
  void awaitEveryNodeFinalizes(long height, Duration deadline) {
    Await.until("every node finalizes block " + height, deadline, () -> lowestFinalized() >= height,
        () -> Stream.iterate(0, i -> i < testnet.size(), i -> i + 1).map(this::finalizedOn).toList() + "\n"
            + testnet.logTail(0, 10));
  }

  /**
   * Waits until every node has reported finalized a block from {@code slot} or later: finality resumed on blocks
   * made since then, even where a reorganisation left the chain shorter than a branch it dropped.
   */
  void awaitEveryNodeFinalizesSlot(long slot, Duration deadline) {
    Await.until("every node finalizes a block from slot " + slot + " on", deadline,
        () -> IntStream.range(0, testnet.size()).allMatch(node -> lastFinalizedSlot.get(node) >= slot),
        () -> IntStream.range(0, testnet.size()).mapToObj(lastFinalizedSlot::get).toList() + "\n"
            + testnet.logTail(0, 10));
  }

  List<String> violations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }

  @Override
  public void close() {
    running.set(false);
    poller.interrupt();
  }
}
