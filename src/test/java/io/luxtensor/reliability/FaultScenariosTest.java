package io.luxtensor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.reliability.TestnetProcesses.BlockSeen;
import io.luxtensor.testing.Await;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on a real testnet: four validators in four processes made by {@code luxtensor testnet}, with a
 * {@link FinalityWatch} on every node the whole time. The CI runs a short form of each scenario; with
 * {@code -Dluxtensor.reliability=full} they run as docs/reliability.md describes (more rounds, longer pauses).
 *
 * <p>Invariants checked: no two blocks finalized at one height on any nodes, finality never going back on a node
 * (across its restarts too), an acknowledged transaction still in the chain once its block is final, all nodes on the
 * same finalized blocks and state roots at the end, and finality resuming within 16 slots of a fault's end.
 */
// Alone: four node processes with 500 ms slots on two cores must not share them with other tests.
@Isolated
class FaultScenariosTest {
  private static final boolean FULL = "full".equals(System.getProperty("luxtensor.reliability"));
  private static final long SLOT_MILLIS = 500;
  private static final int NODES = 4;
  /** The bound on finality's return after a fault heals. */
  private static final long RESUME_SLOTS_MAX = 16;
  private static final Duration RESUME_DEADLINE = Duration.ofMillis(RESUME_SLOTS_MAX * SLOT_MILLIS + 30_000);
  private static final long CHAIN_ID = 9999;

  @TempDir Path directory;

  @Test
  void fourValidatorsSurviveKilledProposersAndAPausedNode() {
    try (TestnetProcesses testnet = TestnetProcesses.generate(directory.resolve("net"), NODES, NODES, SLOT_MILLIS);
        FinalityWatch watch = new FinalityWatch(testnet)) {
      testnet.startAll();
      Map<String, Integer> nodeOfValidator = validatorsByNode(testnet);
      watch.awaitEveryNodeFinalizes(8, Duration.ofSeconds(90));

      // Baseline: no fault; how many slots go empty and how far finality trails the head.
      long baselineMillis = FULL ? 300_000 : 10_000;
      BlockSeen first = testnet.block(0, "latest").orElseThrow();
      long baselineStart = System.nanoTime();
      long lagMax = 0;
      long lagSum = 0;
      long samples = 0;
      while (System.nanoTime() - baselineStart < baselineMillis * 1_000_000) {
        Optional<BlockSeen> latest = testnet.block(0, "latest");
        Optional<BlockSeen> finalized = testnet.block(0, "finalized");
        if (latest.isPresent() && finalized.isPresent()) {
          long lag = latest.get().number() - finalized.get().number();
          lagMax = Math.max(lagMax, lag);
          lagSum += lag;
          samples++;
        }
        long sampleAt = System.nanoTime() + 500_000_000L;
        Await.until("the next sample", Duration.ofSeconds(2), () -> System.nanoTime() >= sampleAt);
      }
      BlockSeen last = testnet.block(0, "latest").orElseThrow();
      long slots = last.slot() - first.slot();
      long blocks = last.number() - first.number();
      System.out.println("reliability: baseline " + baselineMillis / 1000 + " s: " + blocks + " blocks in " + slots
          + " slots (" + (slots - blocks) + " empty), finality lag max " + lagMax + " blocks, mean "
          + String.format("%.2f", (double) lagSum / Math.max(1, samples)) + " over " + samples + " samples");
      assertTrue(blocks > 0);

      // An acknowledged transaction: its receipt seen on node 1, its block finalized everywhere.
      Transaction transfer = new DynamicFeeTransaction(CHAIN_ID, 0, BigInteger.ONE,
          BigInteger.valueOf(10_000_000_000L), 21_000, Optional.of(Address.fromHex(
              "0x00000000000000000000000000000000000000aa")), Wei.of(1_000), Bytes.EMPTY, List.of(), null)
          .sign(DevChain.accounts(1).getFirst().key());
      String sent = testnet.rpc(1, "eth_sendRawTransaction", "[\"" + Hex.encode(transfer.encode()) + "\"]")
          .map(JsonNode::asText).orElseThrow(() -> new AssertionError("node1 refused the transfer"));
      assertEquals(transfer.hash().toString(), sent);
      Await.until("the transfer is included", Duration.ofSeconds(30),
          () -> testnet.rpc(1, "eth_getTransactionReceipt", "[\"" + sent + "\"]").isPresent());
      JsonNode receipt = testnet.rpc(1, "eth_getTransactionReceipt", "[\"" + sent + "\"]").orElseThrow();
      long includedIn = Long.decode(receipt.path("blockNumber").asText());
      watch.awaitEveryNodeFinalizes(includedIn, Duration.ofSeconds(60));

      // kill -9 of the proposer of the newest block, just after it proposed, then a restart on its data.
      int rounds = FULL ? 20 : 3;
      List<Long> rejoinMillis = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        BlockSeen latest = testnet.block(0, "latest").orElseThrow();
        int victim = nodeOfValidator.get(latest.miner().toLowerCase());
        testnet.kill(victim);
        long killedAt = System.nanoTime();
        // The proposer may have seen a block finalized before the others did: only a report after its restart counts.
        long finalizedAtKill = Math.max(watch.highestFinalizedExcept(victim), watch.finalizedOn(victim));
        testnet.start(victim);
        Await.until("node" + victim + " rejoins and passes the finality of the others and its own at its kill",
            RESUME_DEADLINE, () -> watch.finalizedOn(victim) > finalizedAtKill,
            () -> "finalized " + watch.finalizedOn(victim) + " of " + finalizedAtKill + "\n"
                + testnet.logTail(victim, 15));
        rejoinMillis.add((System.nanoTime() - killedAt) / 1_000_000);
      }
      List<String> replays = new ArrayList<>();
      for (int node = 0; node < testnet.size(); node++) {
        testnet.logLines(node, "stored blocks in").stream().map(line -> line.replaceAll(".*replayed ", ""))
            .filter(line -> !line.startsWith("0 ")).forEach(replays::add);
      }
      System.out.println("reliability: kill -9 of the proposer, " + rounds + " rounds: back to finality in "
          + rejoinMillis + " ms; replays at restart: " + replays);

      // SIGSTOP of one node: the other three hold 3/4 of the stake and keep finalizing; it catches up after SIGCONT.
      int paused = 2;
      long pauseMillis = FULL ? 10_000 : 5_000;
      long before = watch.lowestFinalized();
      testnet.pause(paused);
      long pausedAt = System.nanoTime();
      Await.until("the others finalize while node" + paused + " is stopped", Duration.ofSeconds(30),
          () -> watch.highestFinalizedExcept(paused) >= before + 4);
      Await.until("the pause lasts " + pauseMillis + " ms", Duration.ofMillis(pauseMillis + 1_000),
          () -> System.nanoTime() - pausedAt >= pauseMillis * 1_000_000);
      long othersAtResume = watch.highestFinalizedExcept(paused);
      testnet.resume(paused);
      long resumedAt = System.nanoTime();
      Await.until("node" + paused + " finalizes past the others' finality at its resume", RESUME_DEADLINE,
          () -> watch.finalizedOn(paused) > othersAtResume, () -> testnet.logTail(paused, 15));
      System.out.println("reliability: SIGSTOP " + pauseMillis + " ms: node back to finality "
          + (System.nanoTime() - resumedAt) / 1_000_000 + " ms after SIGCONT");

      // One node's clock off by 2 s (4 slots): its blocks and votes come early or late; the others go on, and it
      // follows without banning the honest peers whose blocks its clock says are early.
      int skewed = 3;
      for (long offset : FULL ? List.of(2_000L, -2_000L) : List.of(-2_000L)) {
        testnet.kill(skewed);
        testnet.setClockOffset(skewed, offset);
        testnet.start(skewed);
        long othersAtSkew = watch.highestFinalizedExcept(skewed);
        long skewedAtStart = watch.finalizedOn(skewed);
        Await.until("the others finalize while node" + skewed + "'s clock is off by " + offset + " ms", RESUME_DEADLINE,
            () -> watch.highestFinalizedExcept(skewed) >= othersAtSkew + 6);
        Await.until("node" + skewed + " follows finality with its clock off by " + offset + " ms", RESUME_DEADLINE,
            () -> watch.finalizedOn(skewed) >= skewedAtStart + 6, () -> testnet.logTail(skewed, 15));
        System.out.println("reliability: clock off by " + offset + " ms on one node: " + (watch.finalizedOn(skewed)
            - skewedAtStart) + " blocks finalized on it, " + (watch.highestFinalizedExcept(skewed) - othersAtSkew)
            + " on the others");
      }
      // The same node back on time with its data directory wiped (keys kept): it syncs the chain again, and its
      // validator, with no slashing-protection record left, signs nothing for two epochs.
      testnet.kill(skewed);
      testnet.setClockOffset(skewed, 0);
      wipeDatabase(testnet.nodeDirectory(skewed));
      watch.dataWiped(skewed);
      long genesisMillis = testnet.block(0, "0x0").orElseThrow().timestamp() * 1000;
      // Its last signature came before this slot; the wait is counted from its restart, later still.
      long wipedSlot = (System.currentTimeMillis() - genesisMillis) / SLOT_MILLIS + 1;
      long waitEnds = wipedSlot + 2 * 32;
      String wipedValidator = nodeOfValidator.entrySet().stream().filter(e -> e.getValue() == skewed)
          .map(Map.Entry::getKey).findFirst().orElseThrow();
      long othersAtWipe = watch.highestFinalizedExcept(skewed);
      testnet.start(skewed);
      long wipedRestart = System.nanoTime();
      Await.until("node" + skewed + " syncs back after its data directory was wiped", RESUME_DEADLINE,
          () -> testnet.block(skewed, "finalized").map(BlockSeen::number).orElse(0L) > othersAtWipe,
          () -> testnet.logTail(skewed, 15));
      System.out.println("reliability: wiped data directory: synced past the others' finality in "
          + (System.nanoTime() - wipedRestart) / 1_000_000 + " ms");
      if (FULL) {
        Await.until("the wiped node's validator proposes again after its wait", Duration.ofSeconds(90),
            () -> proposedAfter(testnet, wipedValidator, waitEnds));
      }
      long checkedTo = testnet.block(0, "latest").orElseThrow().number();
      for (long n = 1; n <= checkedTo; n++) {
        BlockSeen block = testnet.block(0, "0x" + Long.toHexString(n)).orElseThrow();
        long slot = block.slot();
        assertTrue(!block.miner().equalsIgnoreCase(wipedValidator) || slot <= wipedSlot || slot > waitEnds,
            "the wiped validator signed block " + n + " in slot " + slot + ", during its wait to " + waitEnds);
      }

      watch.awaitEveryNodeFinalizes(watch.lowestFinalized() + 3, RESUME_DEADLINE);
      assertConverged(testnet, watch);
      for (int node = 0; node < NODES; node++) {
        JsonNode kept = testnet.rpc(node, "eth_getTransactionReceipt", "[\"" + sent + "\"]").orElseThrow(
            () -> new AssertionError("an acknowledged, finalized transaction is lost"));
        assertEquals(receipt.path("blockHash").asText(), kept.path("blockHash").asText());
      }
      assertEquals(List.of(), watch.violations());
    }
  }

  private static void wipeDatabase(Path node) {
    try (Stream<Path> files = Files.walk(node.resolve("db"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code validator} proposed a block of node0's chain in a slot after {@code slot}. */
  private static boolean proposedAfter(TestnetProcesses testnet, String validator, long slot) {
    long latest = testnet.block(0, "latest").orElseThrow().number();
    for (long n = latest; n > Math.max(0, latest - 20); n--) {
      Optional<BlockSeen> block = testnet.block(0, "0x" + Long.toHexString(n));
      if (block.isPresent() && block.get().miner().equalsIgnoreCase(validator)
          && block.get().slot() > slot) {
        return true;
      }
    }
    return false;
  }

  /** Every node reports the same block hash and state root at the lowest finalized height. */
  private static void assertConverged(TestnetProcesses testnet, FinalityWatch watch) {
    String height = "0x" + Long.toHexString(watch.lowestFinalized());
    BlockSeen reference = testnet.block(0, height).orElseThrow();
    for (int node = 1; node < testnet.size(); node++) {
      BlockSeen seen = testnet.block(node, height).orElseThrow();
      assertEquals(reference.hash(), seen.hash(), "node" + node + " at " + height);
      assertEquals(reference.stateRoot(), seen.stateRoot(), "node" + node + " at " + height);
    }
    assertTrue(watch.lowestFinalized() > 0);
  }



  /** Which node runs each validator (lower-case address), from the keystores in the nodes' directories. */
  private static Map<String, Integer> validatorsByNode(TestnetProcesses testnet) {
    Map<String, Integer> nodes = new HashMap<>();
    for (int node = 0; node < testnet.size(); node++) {
      try (Stream<Path> files = Files.list(testnet.nodeDirectory(node).resolve("validators"))) {
        int current = node;
        files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".json"))
            .forEach(name -> nodes.put(name.substring(0, name.length() - 5).toLowerCase(), current));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return nodes;
  }
}
