package io.luxtensor.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** A scrape in Prometheus' text format, parsed into series (name with labels, as printed) and values. */
public final class PrometheusText {
  private final Map<String, Double> series;

  private PrometheusText(Map<String, Double> series) {
    this.series = series;
  }

  public static PrometheusText parse(String scrape) {
    Map<String, Double> series = new LinkedHashMap<>();
    for (String line : scrape.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int split = line.lastIndexOf(' ');
      String value = line.substring(split + 1);
      series.put(line.substring(0, split), switch (value) {
        case "+Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        default -> Double.parseDouble(value);
      });
    }
    return new PrometheusText(series);
  }

  /** The value of a series written as printed, e.g. {@code luxtensor_rpc_errors_total{code="-32601"}}. */
  public OptionalDouble value(String seriesName) {
    Double value = series.get(seriesName);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** Like {@link #value}, but a missing series fails with the names that exist. */
  public double require(String seriesName) {
    return value(seriesName).orElseThrow(() -> new AssertionError("no series " + seriesName + " in the scrape; "
        + series.keySet().stream().filter(s -> s.startsWith(seriesName.split("[{_]")[0])).limit(50).toList()));
  }

  public boolean has(String seriesName) {
    return series.containsKey(seriesName);
  }

  /** The series whose printed name starts with {@code prefix}, e.g. every {@code jvm_memory_used_bytes{area="heap"}}. */
  public Map<String, Double> startingWith(String prefix) {
    Map<String, Double> out = new LinkedHashMap<>();
    series.forEach((name, value) -> {
      if (name.startsWith(prefix)) {
        out.put(name, value);
      }
    });
    return out;
  }
}
