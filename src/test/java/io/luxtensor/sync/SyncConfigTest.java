package io.luxtensor.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.sync.SyncConfig.Phase;
import org.junit.jupiter.api.Test;

class SyncConfigTest {

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    SyncConfig bodies = SyncConfig.BODIES;
    assertEquals(128, bodies.batchSize());
    assertEquals(4, bodies.peersMax());
    assertEquals(3, bodies.retriesMax());
    assertEquals(16, bodies.aheadBatchesMax());
    assertEquals(500, bodies.timeoutMsMin());
    assertEquals(10_000, bodies.timeoutMsMax());
    assertEquals(512, SyncConfig.HEADERS.batchSize());
  }

  @Test
  void theLimitsRelate() {
    assertTrue(SyncConfig.TIMEOUT_MS_MIN <= SyncConfig.TIMEOUT_MS_INITIAL);
    assertTrue(SyncConfig.TIMEOUT_MS_INITIAL <= SyncConfig.TIMEOUT_MS_MAX);
    assertTrue(SyncConfig.AHEAD_BATCHES_MAX >= SyncConfig.PEERS_MAX * SyncConfig.REQUESTS_PER_PEER_MAX);
    assertTrue(Phase.BODIES.batchSizeMax() <= Phase.HEADERS.batchSizeMax());
    assertTrue(SyncConfig.TIMEOUT_MS_MIN << RttEstimator.BACKOFF_DOUBLINGS_MAX >= SyncConfig.TIMEOUT_MS_MAX,
        "back-off can reach the maximum from the minimum");
  }

  @Test
  void badValuesAreRefusedWithTheReason() {
    assertMessage("batch size must be 1..128 for bodies, got 129", () -> with(Phase.BODIES, 129, 4, 3, 16, 500));
    assertMessage("batch size must be 1..512 for headers, got 0", () -> with(Phase.HEADERS, 0, 4, 3, 16, 500));
    with(Phase.HEADERS, 512, 4, 3, 16, 500);
    assertMessage("at least one peer must be allowed to download, got peersMax 0",
        () -> with(Phase.BODIES, 128, 0, 3, 16, 500));
    assertMessage("retriesMax must not be negative, got -1", () -> with(Phase.BODIES, 128, 4, -1, 16, 500));
    with(Phase.BODIES, 128, 4, 0, 16, 500);
    assertMessage("aheadBatchesMax 7 would leave peers idle: 4 peers × 2 requests need that many batches in flight",
        () -> with(Phase.BODIES, 128, 4, 3, 7, 500));
    assertMessage("timeouts need 1 <= min <= max, got min 20000 ms, max 10000 ms",
        () -> with(Phase.BODIES, 128, 4, 3, 16, 20_000));
    assertMessage("initial timeout 5000 ms lies outside [6000, 10000] ms",
        () -> with(Phase.BODIES, 128, 4, 3, 16, 6_000));
  }

  private static SyncConfig with(Phase phase, int batch, int peers, int retries, int ahead, long min) {
    return new SyncConfig(phase, batch, peers, 2, retries, ahead, 5_000, min, 10_000);
  }

  private static void assertMessage(String message, Runnable build) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, build::run).getMessage());
  }
}
