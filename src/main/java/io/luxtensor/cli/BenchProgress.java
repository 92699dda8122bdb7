package io.luxtensor.cli;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * Shows on stderr that a benchmark step is alive while it runs, which may be for an hour: a spinner on a terminal,
 * a line every 5 s otherwise ({@link WaitProgress}). Stdout stays for the result.
 */
final class BenchProgress {
  private static final Duration TICK = Duration.ofMillis(250);

  /** A step of a benchmark. */
  interface Step<T> {
    T run() throws InterruptedException;
  }

  private BenchProgress() {}

  /** Runs {@code step}, described as {@code what} with the time it has taken so far. */
  static <T> T during(CommandLine.Model.CommandSpec spec, String what, Step<T> step) throws InterruptedException {
    WaitProgress progress = WaitProgress.on(spec.commandLine().getErr(),
        spec.commandLine().getColorScheme().ansi().enabled(), what);
    long start = System.nanoTime();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
        .name("luxtensor-bench-progress").factory());
    ticker.scheduleAtFixedRate(() -> progress.waiting(Duration.ofNanos(System.nanoTime() - start)),
        TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return step.run();
    } finally {
      ticker.shutdownNow();
      ticker.awaitTermination(1, TimeUnit.SECONDS);
      progress.done();
    }
  }
}
