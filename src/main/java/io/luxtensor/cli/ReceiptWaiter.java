package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** Polls for a transaction's receipt until it comes or a deadline passes. */
final class ReceiptWaiter {
  /** A few polls per block even at LuxTensor's fastest slots, and at most 5 requests a second to the node. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  /** Waits between polls; tests substitute a clock that jumps. */
  interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private final Function<String, Optional<JsonNode>> receipts;
  private final LongSupplier nanoTime;
  private final Pause pause;

  /**
   * @param receipts the receipt of a transaction hash, empty while it is pending
   * @param nanoTime a monotonic clock in nanoseconds
   * @param pause how to wait between polls
   */
  ReceiptWaiter(Function<String, Optional<JsonNode>> receipts, LongSupplier nanoTime, Pause pause) {
    this.receipts = receipts;
    this.nanoTime = nanoTime;
    this.pause = pause;
  }

  /** Polls on the node's JSON-RPC, on the system clock. */
  static ReceiptWaiter polling(NodeClient node) {
    return new ReceiptWaiter(hash -> {
      JsonNode receipt = node.call("eth_getTransactionReceipt", hash);
      return receipt == null || receipt.isNull() ? Optional.empty() : Optional.of(receipt);
    }, System::nanoTime, duration -> Thread.sleep(duration));
  }

  /** The receipt of {@code hash}, or empty if it has none after {@code timeout}. */
  Optional<JsonNode> await(String hash, Duration timeout, WaitProgress progress) {
    long start = nanoTime.getAsLong();
    try {
      while (true) {
        Optional<JsonNode> receipt = receipts.apply(hash);
        if (receipt.isPresent()) {
          return receipt;
        }
        Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
        if (elapsed.compareTo(timeout) >= 0) {
          return Optional.empty();
        }
        progress.waiting(elapsed);
        Duration left = timeout.minus(elapsed);
        pause.pause(left.compareTo(POLL_INTERVAL) < 0 ? left : POLL_INTERVAL);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.FAILED, "interrupted while waiting for the receipt of " + hash);
    } finally {
      progress.done();
    }
  }
}
