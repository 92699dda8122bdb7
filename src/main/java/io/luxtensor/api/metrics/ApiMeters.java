package io.luxtensor.api.metrics;

import io.luxtensor.api.ApiObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API's traffic as meters: {@code luxtensor_rpc_errors_total{code}} for every JSON-RPC error sent,
 * {@code luxtensor_api_refused_total{reason}} for every refusal by a limit or policy (each reason present from the
 * start, at 0, so alerts can rate() it), and {@code luxtensor_http_connections_active}.
 */
public final class ApiMeters implements ApiObserver {
  /**
   * Distinct error codes given their own series: the node sends about a dozen; a method inventing codes must not
   * grow the registry without bound, so further ones share {@code code="other"}.
   */
  static final int ERROR_CODES_TRACKED_MAX = 64;

  private final MeterRegistry registry;
  private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);
  private final Map<Integer, Counter> errors = new ConcurrentHashMap<>();
  private final AtomicInteger httpConnections = new AtomicInteger();

  public ApiMeters(MeterRegistry registry) {
    this.registry = registry;
    for (Refusal refusal : Refusal.values()) {
      refusals.put(refusal, Counter.builder("luxtensor.api.refused").tag("reason", refusal.label())
          .description("Requests and connections refused by a limit or policy").register(registry));
    }
    Gauge.builder("luxtensor.http.connections.active", httpConnections, AtomicInteger::get)
        .description("Open HTTP connections to the API").strongReference(true).register(registry);
  }

  @Override
  public void onError(int code) {
    Counter counter = errors.get(code);
    if (counter == null) {
      String label = errors.size() < ERROR_CODES_TRACKED_MAX ? Integer.toString(code) : "other";
      counter = Counter.builder("luxtensor.rpc.errors").tag("code", label)
          .description("JSON-RPC error responses by code").register(registry);
      if (label.equals(Integer.toString(code))) {
        errors.putIfAbsent(code, counter);
      }
    }
    counter.increment();
  }

  @Override
  public void onRefused(Refusal refusal) {
    refusals.get(refusal).increment();
  }

  @Override
  public void onHttpConnectionOpened() {
    httpConnections.incrementAndGet();
  }

  @Override
  public void onHttpConnectionClosed() {
    httpConnections.decrementAndGet();
  }
}
