package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** When instant sealing seals: after a quiet moment, at the latest after the longest wait, at once when full. */
class InstantSealScheduleTest {
  private static final long MS = 1_000_000;
  private final InstantSealSchedule schedule = new InstantSealSchedule(MS, 50 * MS);

  @Test
  void aLoneTransactionIsSealedOnceTheQuietPeriodHasPassed() {
    long arrived = 7 * MS;
    assertEquals(MS, schedule.delayNanos(arrived, arrived, arrived, false));
    assertEquals(MS / 2, schedule.delayNanos(arrived + MS / 2, arrived, arrived, false));
    assertEquals(0, schedule.delayNanos(arrived + MS, arrived, arrived, false));
  }

  @Test
  void eachArrivalPostponesTheSealUntilTheLongestWait() {
    long first = 100 * MS;
    assertEquals(MS, schedule.delayNanos(first + 10 * MS, first, first + 10 * MS, false));
    assertEquals(MS, schedule.delayNanos(first + 30 * MS, first, first + 30 * MS, false));
    assertEquals(MS / 2, schedule.delayNanos(first + 49 * MS + MS / 2, first, first + 49 * MS + MS / 2, false));
    assertEquals(0, schedule.delayNanos(first + 50 * MS, first, first + 50 * MS, false));
    assertEquals(0, schedule.delayNanos(first + 70 * MS, first, first + 70 * MS, false));
  }

  @Test
  void aFullBlockIsSealedAtOnce() {
    assertEquals(0, schedule.delayNanos(5 * MS, 5 * MS, 5 * MS, true));
  }

  @Test
  void aNegativeQuietPeriodOrOneLongerThanTheLongestWaitIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new InstantSealSchedule(-1, 5));
    assertThrows(IllegalArgumentException.class, () -> new InstantSealSchedule(10, 5));
  }
}
