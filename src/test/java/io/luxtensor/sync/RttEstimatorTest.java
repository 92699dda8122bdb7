package io.luxtensor.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RttEstimatorTest {
  private static final SyncConfig CONFIG = SyncConfig.BODIES;

  @Test
  void beforeAnySampleTheInitialTimeoutApplies() {
    assertEquals(SyncConfig.TIMEOUT_MS_INITIAL, RttEstimator.INITIAL.timeoutMs(CONFIG));
  }

  @Test
  void theFirstSampleSetsSrttAndHalfOfItAsVariationAsRfc6298Says() {
    RttEstimator e = RttEstimator.INITIAL.withSample(400);
    assertEquals(400, e.srttMs());
    assertEquals(200, e.rttvarMs());
    assertEquals(400 + 4 * 200, e.timeoutMs(CONFIG));
  }

  @Test
  void steadyRoundTripsConvergeAndTheTimeoutIsClampedBelow() {
    RttEstimator e = RttEstimator.INITIAL;
    for (int i = 0; i < 100; i++) {
      e = e.withSample(1_000);
    }
    assertEquals(1_000, e.srttMs());
    assertTrue(e.rttvarMs() <= 1, "variation decays: " + e.rttvarMs());
    assertTrue(e.timeoutMs(CONFIG) >= 1_000 && e.timeoutMs(CONFIG) <= 1_004);

    RttEstimator fast = RttEstimator.INITIAL;
    for (int i = 0; i < 100; i++) {
      fast = fast.withSample(20);
    }
    assertEquals(SyncConfig.TIMEOUT_MS_MIN, fast.timeoutMs(CONFIG));
  }

  @Test
  void timeoutsDoubleTheTimeoutUpToTheMaximumUntilAnAnswerComes() {
    RttEstimator e = RttEstimator.INITIAL.withSample(300);
    assertEquals(300 + 4 * 150, e.timeoutMs(CONFIG));
    e = e.withTimeout();
    assertEquals(1_800, e.timeoutMs(CONFIG));
    e = e.withTimeout().withTimeout();
    assertEquals(7_200, e.timeoutMs(CONFIG));
    e = e.withTimeout();
    assertEquals(SyncConfig.TIMEOUT_MS_MAX, e.timeoutMs(CONFIG));
    for (int i = 0; i < 20; i++) {
      e = e.withTimeout();
    }
    assertEquals(SyncConfig.TIMEOUT_MS_MAX, e.timeoutMs(CONFIG));
    assertTrue(e.withSample(300).timeoutMs(CONFIG) < 1_800, "an answer ends the back-off");
  }

  @Test
  void theClampIsConfigurable() {
    SyncConfig tight = new SyncConfig(SyncConfig.Phase.BODIES, 64, 2, 1, 3, 2, 200, 100, 300);
    assertEquals(200, RttEstimator.INITIAL.timeoutMs(tight));
    assertEquals(300, RttEstimator.INITIAL.withSample(5_000).timeoutMs(tight));
    assertEquals(100, RttEstimator.INITIAL.withSample(1).timeoutMs(tight));
  }

  @Property
  void theTimeoutStaysWithinTheClampWhateverTheSamples(
      @ForAll @Size(max = 50) List<@LongRange(min = -1_000, max = 100_000_000) Long> samples,
      @ForAll @Size(max = 10) List<Boolean> timeoutsAfter) {
    RttEstimator e = RttEstimator.INITIAL;
    for (int i = 0; i < samples.size(); i++) {
      e = i < timeoutsAfter.size() && timeoutsAfter.get(i) ? e.withTimeout() : e.withSample(samples.get(i));
      long t = e.timeoutMs(CONFIG);
      assertTrue(t >= SyncConfig.TIMEOUT_MS_MIN && t <= SyncConfig.TIMEOUT_MS_MAX, "timeout " + t);
    }
  }

  @Property
  void theSmoothedRttTracksAStepChangeInRoundTrips(
      @ForAll @LongRange(min = 0, max = 5_000) long before, @ForAll @LongRange(min = 0, max = 5_000) long after) {
    RttEstimator e = RttEstimator.INITIAL;
    for (int i = 0; i < 50; i++) {
      e = e.withSample(before);
    }
    for (int i = 0; i < 60; i++) {
      e = e.withSample(after);
    }
    assertTrue(Math.abs(e.srttMs() - after) <= 8, "srtt " + e.srttMs() + " after a step to " + after);
  }
}
