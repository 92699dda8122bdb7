package io.luxtensor.testing.crash;

import io.luxtensor.storage.StorageConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * Kills a {@link CrashChild} running a {@link CrashWorkload} again and again, each time after a random number of
 * acknowledgements, and verifies the store after every kill, continuing from the data left by the runs before.
 * The number of acknowledgements comes from a seeded {@link Random}: the seed is in every failure, so a failure
 * replays with the same schedule (the moment the kill lands within a commit is up to the machine).
 */
public final class CrashHarness {
  /** A child that acknowledges nothing for this long is stuck: JVM start plus opening the store take ~1 s. */
  private static final Duration CHILD_SILENCE_MAX = Duration.ofSeconds(60);

  private final StorageConfig config;
  private final Class<? extends CrashWorkload> workloadClass;
  private final Path logDirectory;

  /** {@code logDirectory} receives each child's standard error; keep it outside the store's directory. */
  public CrashHarness(StorageConfig config, Class<? extends CrashWorkload> workloadClass, Path logDirectory) {
    this.config = config;
    this.workloadClass = workloadClass;
    this.logDirectory = logDirectory;
  }

  /** What the kills left: how many, and the highest unit acknowledged overall. */
  public record Outcome(int kills, long lastAcknowledged) {}

  /**
   * Runs {@code kills} child processes in turn, killing each after 1 to {@code acknowledgementsPerKillMax}
   * acknowledgements and verifying the store after it.
   *
   * @throws AssertionError naming the seed and the run, if a verification fails
   */
  public Outcome run(long seed, int kills, int acknowledgementsPerKillMax) throws Exception {
    System.out.println(config.engine().configName() + " crash test: seed " + seed
        + " (replay with -Dluxtensor.crash.seed=" + seed + "), " + kills + " kills");
    Random random = new Random(seed);
    CrashWorkload workload = workloadClass.getDeclaredConstructor().newInstance();
    long lastAcknowledged = 0;
    for (int run = 1; run <= kills; run++) {
      int acknowledgements = 1 + random.nextInt(acknowledgementsPerKillMax);
      String where = config.engine().configName() + " crash test, seed " + seed + ", run " + run + " of " + kills
          + " (kill after " + acknowledgements + " acknowledgements)";
      long acknowledged;
      Path log = logDirectory.resolve("child-" + run + ".log");
      try (ChildProcess child = ChildProcess.start(workloadClass, config, log)) {
        child.awaitAcknowledgements(acknowledgements, CHILD_SILENCE_MAX);
        acknowledged = child.kill(CHILD_SILENCE_MAX);
      } catch (AssertionError e) {
        throw new AssertionError(where + ": " + e.getMessage(), e);
      }
      try {
        workload.verify(config, acknowledged);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(where + ", last acknowledged " + acknowledged + ": " + e, e);
      }
      System.out.println(where + ": last acknowledged " + acknowledged + ", verified");
      lastAcknowledged = acknowledged;
    }
    return new Outcome(kills, lastAcknowledged);
  }
}
