package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * When instant sealing seals: after a quiet moment (shorter for a lone transaction), at the latest after the longest
 * wait, at once when full.
 */
class InstantSealScheduleTest {
  private static final long MS = 1_000_000;
  private final InstantSealSchedule schedule = new InstantSealSchedule(MS / 4, MS, 50 * MS);

  @Test
  void aLoneTransactionIsSealedOnceTheShortQuietPeriodHasPassed() {
    long arrived = 7 * MS;
    assertEquals(MS / 4, schedule.delayNanos(arrived, arrived, arrived, 1, false));
    assertEquals(MS / 8, schedule.delayNanos(arrived + MS / 8, arrived, arrived, 1, false));
    assertEquals(0, schedule.delayNanos(arrived + MS / 4, arrived, arrived, 1, false));
  }

  @Test
  void severalPendingWaitTheLongerQuietPeriod() {
    long last = 7 * MS;
    assertEquals(3 * MS / 4, schedule.delayNanos(last + MS / 4, last - MS / 10, last, 2, false));
    assertEquals(0, schedule.delayNanos(last + MS, last - MS / 10, last, 2, false));
  }

  @Test
  void eachArrivalPostponesTheSealUntilTheLongestWait() {
    long first = 100 * MS;
    assertEquals(MS, schedule.delayNanos(first + 10 * MS, first, first + 10 * MS, 50, false));
    assertEquals(MS, schedule.delayNanos(first + 30 * MS, first, first + 30 * MS, 150, false));
    assertEquals(MS / 2, schedule.delayNanos(first + 49 * MS + MS / 2, first, first + 49 * MS + MS / 2, 250, false));
    assertEquals(0, schedule.delayNanos(first + 50 * MS, first, first + 50 * MS, 251, false));
    assertEquals(0, schedule.delayNanos(first + 70 * MS, first, first + 70 * MS, 300, false));
  }

  @Test
  void aFullBlockIsSealedAtOnce() {
    assertEquals(0, schedule.delayNanos(5 * MS, 5 * MS, 5 * MS, 1_428, true));
  }

  @Test
  void periodsOutOfOrderAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new InstantSealSchedule(-1, 5, 10));
    assertThrows(IllegalArgumentException.class, () -> new InstantSealSchedule(6, 5, 10));
    assertThrows(IllegalArgumentException.class, () -> new InstantSealSchedule(1, 10, 5));
  }
}
