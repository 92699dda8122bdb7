package io.luxtensor.testing.crash;

import io.luxtensor.storage.StorageConfig;
import java.util.function.LongConsumer;

/**
 * What a crash test does: {@link #run} in a child JVM that is killed with SIGKILL at a random moment, then
 * {@link #verify} in the parent on what the child left in the storage {@code config} names. The workload opens what
 * it needs there itself (a store, later a whole node). Implementations need a public no-argument constructor (the
 * child instantiates them by name) and must be deterministic, so the parent knows what each unit of work wrote.
 */
public interface CrashWorkload {

  /**
   * Commits units of work numbered 1, 2, ... (continuing after those already stored) until the process is killed,
   * calling {@code acknowledge} with a unit's number only once its commit has returned.
   */
  void run(StorageConfig config, LongConsumer acknowledge);

  /**
   * Checks the storage after a kill: every unit up to {@code lastAcknowledged} is there entirely, and no unit is
   * there in part.
   *
   * @throws AssertionError saying what was lost or torn
   */
  void verify(StorageConfig config, long lastAcknowledged);
}
