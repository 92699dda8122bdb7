package io.luxtensor.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One call's measured requests: latencies of the answered ones (HdrHistogram, 3 significant digits, in
 * nanoseconds), errors with the first one's text, and when the last answer came. Requests intended before the
 * measurement start (the warm-up) are not counted. Thread-safe.
 */
final class RpcBenchStats {
  /** HdrHistogram's precision: 3 significant digits, i.e. 0.1% of each value. */
  private static final int SIGNIFICANT_DIGITS = 3;

  private final String method;
  private final Histogram latencies = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
  private final LongAdder sent = new LongAdder();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private final AtomicLong lastAnswerNanos = new AtomicLong(Long.MIN_VALUE);
  private volatile long measureFromNanos;

  RpcBenchStats(String method) {
    this.method = method;
  }

  String method() {
    return method;
  }

  void startMeasuring(long fromNanos) {
    this.measureFromNanos = fromNanos;
  }

  void sent(boolean measured) {
    if (measured) {
      sent.increment();
    }
  }

  void succeeded(boolean measured, long latencyNanos, long answeredAtNanos) {
    if (measured) {
      latencies.recordValue(Math.max(0, latencyNanos));
      lastAnswerNanos.accumulateAndGet(answeredAtNanos, Math::max);
    }
  }

  void failed(boolean measured, String error) {
    if (measured) {
      firstError.compareAndSet(null, error);
    }
  }

  long requests() {
    return sent.sum();
  }

  long succeeded() {
    return latencies.getTotalCount();
  }

  /** Requests sent and not answered with a result: errors, failures and requests never answered. */
  long errors() {
    return requests() - succeeded();
  }

  String firstError() {
    String first = firstError.get();
    return first == null && errors() > 0 ? "no answer within " + RpcLoad.REQUEST_TIMEOUT_MS_MAX + " ms" : first;
  }


  /** Answers per second, from the measurement start to the last answer. */
  double throughput() {
    long last = lastAnswerNanos.get();
    if (last == Long.MIN_VALUE || last <= measureFromNanos) {
      return 0;
    }
    return succeeded() / ((last - measureFromNanos) / 1e9);
  }

  /** Latency at {@code percentile} (0 to 100), in milliseconds. */
  double latencyMillis(double percentile) {
    return toMillis(latencies.getValueAtPercentile(percentile));
  }

  double maxLatencyMillis() {
    return toMillis(latencies.getMaxValue());
  }

  /** This call's stats merged with others', for the totals. */
  static Histogram merged(Iterable<RpcBenchStats> all) {
    Histogram total = new Histogram(SIGNIFICANT_DIGITS);
    all.forEach(s -> total.add(s.latencies));
    return total;
  }

  ObjectNode json() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("method", method);
    out.put("requests", requests());
    out.put("errors", errors());
    out.put("throughput", round(throughput()));
    out.set("latencyMs", latencyJson(latencies));
    if (firstError() != null) {
      out.put("firstError", firstError());
    }
    return out;
  }

  static ObjectNode latencyJson(Histogram histogram) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("p50", round(toMillis(histogram.getValueAtPercentile(50))));
    out.put("p99", round(toMillis(histogram.getValueAtPercentile(99))));
    out.put("p999", round(toMillis(histogram.getValueAtPercentile(99.9))));
    out.put("max", round(toMillis(histogram.getMaxValue())));
    return out;
  }

  static double toMillis(long nanos) {
    return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
  }

  /** Three decimals: microseconds for latencies in ms, and plenty for requests per second. */
  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
