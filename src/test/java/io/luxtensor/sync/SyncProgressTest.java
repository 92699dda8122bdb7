package io.luxtensor.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SyncProgressTest {

  @Test
  void aScriptedTimelineGivesRatePercentAndEta() {
    SyncProgress p = SyncProgress.start(0, 5_000, 1_000);
    assertEquals(0, p.percent());
    assertEquals(0, p.blocksPerSecond());
    assertEquals(OptionalLong.empty(), p.etaSeconds());
    assertEquals("sync 0% 0/5000 blocks, 0 blocks/s, eta ?, 0 peers, 0 retries", p.logLine(0, 0));

    p = p.advance(800, 5_000, 2_000);
    assertEquals(800, p.blocksPerSecond());
    p = p.advance(2_100, 5_000, 3_000);
    assertEquals(1_050, p.blocksPerSecond(), "2,100 blocks over 2 s");
    assertEquals(42, p.percent());
    assertEquals(OptionalLong.of(3), p.etaSeconds(), "2,900 left at 1,050/s, rounded up");
    assertEquals("sync 42% 2100/5000 blocks, 1050 blocks/s, eta 3s, 4 peers, 2 retries", p.logLine(4, 2));
  }

  @Test
  void theRateForgetsSamplesOlderThanTheWindow() {
    SyncProgress p = SyncProgress.start(0, 100_000, 0);
    p = p.advance(10_000, 100_000, 10_000);
    p = p.advance(10_100, 100_000, 35_000);
    assertEquals(4, p.blocksPerSecond(), "100 blocks over 25 s: the start left the window");
    p = p.advance(10_200, 100_000, 40_000);
    assertEquals(6, p.blocksPerSecond(), "200 blocks over 30 s since 10 s; the burst before it left the window");
    p = p.advance(10_200, 100_000, 80_000);
    assertEquals(0, p.blocksPerSecond(), "a stall shows as 0");
    assertEquals(OptionalLong.empty(), p.etaSeconds());
  }

  @Test
  void percentIsMeasuredFromTheStartingBlockAndAGrowingTargetLowersIt() {
    SyncProgress p = SyncProgress.start(1_000, 2_000, 0).advance(1_500, 2_000, 1_000);
    assertEquals(50, p.percent());
    p = p.advance(1_500, 3_000, 2_000);
    assertEquals(25, p.percent());
    p = p.advance(3_000, 3_000, 3_000);
    assertEquals(100, p.percent());
    assertEquals(OptionalLong.of(0), p.etaSeconds());
    assertEquals(100, SyncProgress.start(10, 10, 0).percent());
  }

  @Test
  void samplesAreBounded() {
    SyncProgress p = SyncProgress.start(0, 1_000_000, 0);
    for (int i = 1; i <= 1_000; i++) {
      p = p.advance(i * 10L, 1_000_000, i * 10L);
    }
    assertEquals(SyncProgress.SAMPLES_MAX, p.samples().size());
    assertEquals(1_000, p.blocksPerSecond());
  }

  @Test
  void timeMayNotGoBack() {
    SyncProgress p = SyncProgress.start(0, 10, 1_000);
    assertThrows(IllegalArgumentException.class, () -> p.advance(1, 10, 999));
  }
}
