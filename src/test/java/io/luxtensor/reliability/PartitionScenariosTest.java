package io.luxtensor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.reliability.TestnetProcesses.BlockSeen;
import io.luxtensor.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network faults on a real testnet: four validators in four processes whose every link runs through a
 * {@link LinkProxy}, cut and degraded by the test, with a {@link FinalityWatch} on every node. Short forms run in
 * CI; {@code -Dluxtensor.reliability=full} runs the long ones and adds two nodes offline and a lossy, jittery network.
 */
// Alone: four node processes with 500 ms slots on two cores must not share them with other tests.
@Isolated
class PartitionScenariosTest {
  private static final boolean FULL = "full".equals(System.getProperty("luxtensor.reliability"));
  private static final long SLOT_MILLIS = 500;
  private static final int NODES = 4;
  private static final long RESUME_SLOTS_MAX = 16;
  /** 16 slots, plus what sync and a JVM on a busy 2-core machine may add. */
  private static final Duration RESUME_DEADLINE = Duration.ofMillis(RESUME_SLOTS_MAX * SLOT_MILLIS + 30_000);

  @TempDir Path directory;

  @Test
  void finalityStopsWithoutTwoThirdsAndResumesOnceTheNetworkHeals() {
    try (TestnetProcesses testnet = TestnetProcesses.generate(directory.resolve("net"), NODES, NODES, SLOT_MILLIS);
        TestnetProcesses.Links links = testnet.linkThroughProxies(5);
        FinalityWatch watch = new FinalityWatch(testnet)) {
      testnet.startAll();
      watch.awaitEveryNodeFinalizes(6, Duration.ofSeconds(90));

      // One node cut off: the other three (3/4 of the stake) go on; it catches up once its links return.
      long isolatedMillis = FULL ? 20_000 : 6_000;
      long atCut = watch.lowestFinalized();
      links.isolate(0);
      Await.until("the three connected nodes finalize without node0", Duration.ofSeconds(30),
          () -> Stream.of(1, 2, 3).allMatch(n -> watch.finalizedOn(n) >= atCut + 4));
      pause(isolatedMillis);
      long othersAtHeal = Stream.of(1, 2, 3).mapToLong(watch::finalizedOn).max().orElseThrow();
      links.healAll();
      long healedAt = System.nanoTime();
      Await.until("node0 finalizes past the others' finality at the heal", RESUME_DEADLINE,
          () -> watch.finalizedOn(0) > othersAtHeal, () -> testnet.logTail(0, 15));
      report("node isolated " + isolatedMillis + " ms: back to finality " + since(healedAt) + " ms after the heal");

      // A 2/2 split: neither side has 2/3 of the stake, so nothing is finalized until the halves meet again.
      long splitMillis = FULL ? 20_000 : 8_000;
      links.split(List.of(0, 1));
      long splitAt = System.nanoTime();
      pause(2 * SLOT_MILLIS);
      long highestAtSplit = watch.highestFinalized();
      pause(splitMillis - 2 * SLOT_MILLIS);
      assertEquals(highestAtSplit, watch.highestFinalized(),
          "a block was finalized with half the stake cut off from the other half");
      BlockSeen left = testnet.block(0, "latest").orElseThrow();
      BlockSeen right = testnet.block(2, "latest").orElseThrow();
      long splitLasted = since(splitAt);
      links.healAll();
      long healed = System.nanoTime();
      // Blocks from after both heads: neither half could finalize them alone.
      watch.awaitEveryNodeFinalizesSlot(Math.max(left.slot(), right.slot()) + 1, RESUME_DEADLINE);
      long resumed = since(healed);
      // A reorganisation may drop both branches for their common block: the chain regrows past their heights later.
      watch.awaitEveryNodeFinalizes(Math.max(left.number(), right.number()) + 1, RESUME_DEADLINE);
      report("2/2 split " + splitLasted + " ms (heads " + left.number() + " and " + right.number()
          + "): finality on every node " + resumed + " ms after the heal, past both heads' heights "
          + since(healed) + " ms after it");

      if (FULL) {
        // Half the validators offline: no finality; back, and it resumes.
        testnet.kill(2);
        testnet.kill(3);
        pause(10_000);
        long before = watch.highestFinalized();
        Instant restartedAt = Instant.now();
        testnet.start(2);
        testnet.start(3);
        long restarted = System.nanoTime();
        // The network finalizes again once one of them votes; every node, once both have started and synced too.
        Await.until("a node finalizes again", RESUME_DEADLINE, () -> watch.highestFinalized() >= before + 2);
        long backOnOne = since(restarted);
        Instant backOnOneAt = Instant.now();
        watch.awaitEveryNodeFinalizes(before + 2, RESUME_DEADLINE);
        long backOnEvery = since(restarted);
        // How much of it was the processes starting: from the restart until the first of them listened for peers.
        Instant firstListening = Stream.of(2, 3).map(node -> testnet.lastListening(node).orElseThrow())
            .min(Instant::compareTo).orElseThrow();
        assertTrue(firstListening.isAfter(restartedAt.minusMillis(1)), "a listening line from after the restart");
        report("2 of 4 offline 10 s: finality resumed " + backOnOne + " ms after their restart, on every node "
            + backOnEvery + " ms after it; the first of them listened for peers "
            + Duration.between(restartedAt, firstListening).toMillis() + " ms after the restart, "
            + Duration.between(firstListening, backOnOneAt).toMillis() + " ms before finality resumed");

        // 7% of reads held a retransmission timeout, 20 ± 20 ms on every link, for 30 s: finality keeps up.
        links.degradeAll(20, 20, 7);
        long degradedFrom = watch.lowestFinalized();
        long degradedAt = System.nanoTime();
        pause(30_000);
        long finalizedDuring = watch.lowestFinalized() - degradedFrom;
        links.degradeAll(0, 0, 0);
        report("lossy links 30 s: " + finalizedDuring + " blocks finalized on every node in " + since(degradedAt)
            + " ms");
        assertTrue(finalizedDuring >= 10, "finality kept up on a lossy network: " + finalizedDuring);
      }

      watch.awaitEveryNodeFinalizes(watch.lowestFinalized() + 3, RESUME_DEADLINE);
      String height = "0x" + Long.toHexString(watch.lowestFinalized());
      BlockSeen reference = testnet.block(0, height).orElseThrow();
      for (int node = 1; node < NODES; node++) {
        BlockSeen seen = testnet.block(node, height).orElseThrow();
        assertEquals(reference.hash(), seen.hash(), "node" + node + " at " + height);
        assertEquals(reference.stateRoot(), seen.stateRoot(), "node" + node + " at " + height);
      }
      assertEquals(List.of(), watch.violations());
    }
  }



  /** Lets a fault last: a span of time the scenario needs, not a wait for a condition. */
  private static void pause(long millis) {
    long until = System.nanoTime() + millis * 1_000_000;
    Await.until("a fault lasts " + millis + " ms", Duration.ofMillis(millis + 1_000), () -> System.nanoTime() >= until);
  }

  private static long since(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void report(String line) {
    System.out.println("reliability: " + line);
  }
}
