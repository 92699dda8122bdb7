package io.luxtensor.api.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code luxtensor_storage_free_bytes} and {@code luxtensor_storage_total_bytes}: the file system that holds the
 * database, read at scrape time, so that an alert fires before a full disk stops the node mid-block.
 */
public final class StorageMetrics {
  private StorageMetrics() {}

  public static void register(MeterRegistry registry, Path databaseDirectory) {
    Gauge.builder("luxtensor.storage.free.bytes", () -> space(databaseDirectory, true))
        .description("Bytes free for the node on the file system of its database").strongReference(true)
        .register(registry);
    Gauge.builder("luxtensor.storage.total.bytes", () -> space(databaseDirectory, false))
        .description("Size of the file system of the node's database").strongReference(true).register(registry);
  }

  /** NaN when the file system cannot be read: Prometheus shows a gap rather than a false zero. */
  private static double space(Path directory, boolean usable) {
    try {
      var store = Files.getFileStore(directory);
      return usable ? store.getUsableSpace() : store.getTotalSpace();
    } catch (IOException e) {
      return Double.NaN;
    }
  }
}
