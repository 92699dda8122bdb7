package io.luxtensor.api.metrics;

import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A method with its execution timed in {@code luxtensor_rpc_request_seconds{method}}, failures included: a
 * decorator (STYLE §9), so methods know nothing of metrics. The histogram's buckets span the 5 ms read target.
 */
public final class TimedJsonRpcMethod implements JsonRpcMethod {
  static final Duration[] LATENCY_BUCKETS = {
      Duration.ofMillis(1).dividedBy(2), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
      Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};

  private final JsonRpcMethod method;
  private final Timer timer;

  public TimedJsonRpcMethod(JsonRpcMethod method, MeterRegistry registry) {
    this.method = method;
    this.timer = Timer.builder("luxtensor.rpc.request").tag("method", method.name())
        .description("Time from a JSON-RPC method's start to its answer")
        .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
  }

  /** Every method of {@code methods}, timed. */
  public static List<JsonRpcMethod> timeAll(List<JsonRpcMethod> methods, MeterRegistry registry) {
    return methods.stream().<JsonRpcMethod>map(m -> new TimedJsonRpcMethod(m, registry)).toList();
  }

  @Override
  public String name() {
    return method.name();
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    long start = System.nanoTime();
    try {
      return method.execute(params);
    } finally {
      timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  /** Starts the method as it starts itself (a batch's transactions reach the pool together), timed to its answer. */
  @Override
  public CompletableFuture<Object> start(JsonRpcParams params) {
    long start = System.nanoTime();
    CompletableFuture<Object> call;
    try {
      call = method.start(params);
    } catch (RuntimeException e) {
      timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      throw e;
    }
    return call.whenComplete((answer, failure) -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
  }
}
