package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How {@code wallet send} waits for a receipt, on a clock that only moves when the waiter pauses. */
class WalletReceiptWaitTest {
  private static final JsonNode RECEIPT = JsonNodeFactory.instance.objectNode().put("status", "0x1");

  private long nanos;
  private final List<Duration> pauses = new ArrayList<>();
  private final AtomicInteger polls = new AtomicInteger();

  private ReceiptWaiter waiterAnsweringOnPoll(int poll) {
    return new ReceiptWaiter(hash -> polls.incrementAndGet() >= poll ? Optional.of(RECEIPT) : Optional.empty(),
        () -> nanos, duration -> {
          pauses.add(duration);
          nanos += duration.toNanos();
        });
  }

  @Test
  void theReceiptIsReturnedOnThePollThatFindsIt() {
    StringWriter err = new StringWriter();
    Optional<JsonNode> receipt = waiterAnsweringOnPoll(3).await("0xabc", Duration.ofSeconds(60),
        WaitProgress.on(new PrintWriter(err), false, "waiting"));
    assertEquals(Optional.of(RECEIPT), receipt);
    assertEquals(3, polls.get());
    assertEquals(List.of(ReceiptWaiter.POLL_INTERVAL, ReceiptWaiter.POLL_INTERVAL), pauses);
    assertEquals("", err.toString(), "a short wait prints no progress lines");
  }

  @Test
  void afterTheTimeoutItGivesUpWithALineEveryFiveSecondsWithoutATerminal() {
    StringWriter err = new StringWriter();
    Optional<JsonNode> receipt = waiterAnsweringOnPoll(Integer.MAX_VALUE).await("0xabc", Duration.ofSeconds(12),
        WaitProgress.on(new PrintWriter(err), false, "waiting for the receipt"));
    assertEquals(Optional.empty(), receipt);
    assertEquals(Duration.ofSeconds(12).dividedBy(ReceiptWaiter.POLL_INTERVAL) + 1, polls.get(),
        "a poll every interval, and one at the deadline");
    assertEquals(Duration.ofSeconds(12).toNanos(), nanos, "never waits past the deadline");
    assertEquals("waiting for the receipt (5 s)\nwaiting for the receipt (10 s)\n",
        err.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void onATerminalASpinnerRedrawsOneLineAndErasesIt() {
    StringWriter err = new StringWriter();
    waiterAnsweringOnPoll(3).await("0xabc", Duration.ofSeconds(60),
        WaitProgress.on(new PrintWriter(err), true, "waiting"));
    String expected = "\r| waiting (0 s)\r/ waiting (0 s)\r" + " ".repeat("| waiting (0 s)".length()) + "\r";
    assertEquals(expected, err.toString());
  }

  @Test
  void theLastPauseIsCutShortAtTheDeadline() {
    waiterAnsweringOnPoll(Integer.MAX_VALUE).await("0xabc", Duration.ofMillis(500),
        WaitProgress.on(new PrintWriter(new StringWriter()), false, "waiting"));
    assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(100)), pauses);
    assertEquals(4, polls.get());
  }
}
