package io.luxtensor.testing.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.storage.StorageConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CrashChild} JVM, started with this JVM's java binary and test classpath. Its standard output is read by
 * a thread into a queue, so waits have deadlines; its standard error goes to a log file quoted in failures.
 */
public final class ChildProcess implements AutoCloseable {
  /** 128 + SIGKILL (9): how a process killed by {@link ProcessHandle#destroyForcibly()} exits on Linux. */
  public static final int EXIT_KILLED = 128 + 9;

  private static final String END_OF_OUTPUT = "";

  private final Process process;
  private final Path log;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private volatile IOException outputFailure;
  private long lastAcknowledged = -1;

  private ChildProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    Thread.ofPlatform().daemon().name("crash-child-stdout").start(this::readOutput);
  }

  public static ChildProcess start(Class<? extends CrashWorkload> workload, StorageConfig config, Path log) {
    String java = ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException(
        "this JVM does not know its own java binary, needed to start the crash-test child"));
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CrashChild.class.getName(), workload.getName(),
        config.engine().configName(), config.directory().toString())
        .redirectError(log.toFile());
    try {
      return new ChildProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + java, e);
    }
  }

  /**
   * Waits until the child has acknowledged {@code count} more units, and returns the last one.
   *
   * @throws AssertionError if the child stops or is silent past {@code timeout}, quoting its log
   */
  public long awaitAcknowledgements(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int seen = 0; seen < count; ) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null || line.equals(END_OF_OUTPUT)) {
        checkOutputRead();
        throw new AssertionError((line == null ? "no acknowledgement within " + timeout : "the child stopped")
            + " after " + seen + " of " + count + " acknowledgements; its log:\n" + log());
      }
      if (acknowledge(line)) {
        seen++;
      }
    }
    return lastAcknowledged;
  }

  /**
   * Kills the child with SIGKILL, checks that it died of it, and returns the last unit it acknowledged, including
   * acknowledgements printed after those awaited and before the kill landed.
   */
  public long kill(Duration timeout) throws InterruptedException {
    // Through the handle: Process.destroyForcibly() sends the same SIGKILL but also closes our end of the child's
    // output, losing the acknowledgements still in the pipe.
    process.toHandle().destroyForcibly();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the child survived SIGKILL for " + timeout);
    }
    assertEquals(EXIT_KILLED, process.exitValue(), "the child did not die of SIGKILL; its log:\n" + log());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("the killed child's output did not end within " + timeout);
      }
      if (line.equals(END_OF_OUTPUT)) {
        checkOutputRead();
        return lastAcknowledged;
      }
      acknowledge(line);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private boolean acknowledge(String line) {
    if (!line.startsWith(CrashChild.ACK)) {
      return false;
    }
    long unit = Long.parseLong(line.substring(CrashChild.ACK.length()));
    if (unit <= lastAcknowledged) {
      throw new AssertionError("acknowledgements went back from " + lastAcknowledged + " to " + unit);
    }
    lastAcknowledged = unit;
    return true;
  }

  private void readOutput() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty()) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      outputFailure = e;
    } finally {
      lines.add(END_OF_OUTPUT);
    }
  }

  private void checkOutputRead() {
    if (outputFailure != null) {
      throw new AssertionError("reading the child's output failed", outputFailure);
    }
  }

  private String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
