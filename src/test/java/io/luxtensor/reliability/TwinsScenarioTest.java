package io.luxtensor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.testing.Await;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Twins: one validator key run on two nodes, each with its own slashing-protection record, the mistake slashing
 * exists to punish. Five validators on five processes; node4 also runs a copy of node0's key. The two copies sign
 * different blocks or votes for some slot (each follows the network as it reaches it), and every node must come to
 * hold the evidence on its finalized chain: the key's stake cut and its exit scheduled, the honest validators
 * untouched; two epochs on, the key is out of every node's validator set and the other four finalize on, with no
 * conflict between nodes.
 */
// Alone: five node processes with 500 ms slots on two cores must not share them with other tests.
@Isolated
class TwinsScenarioTest {
  private static final long SLOT_MILLIS = 500;
  private static final int NODES = 5;
  private static final int ORIGINAL = 0;
  private static final int TWIN = 4;
  /** The staking contract and its {@code validator(address)} view: stake, status, activation and exit epochs. */
  private static final String STAKING = "0x0000000000000000000000000000000000001001";
  private static final String VALIDATOR_SELECTOR =
      Hash.keccak("validator(address)".getBytes(StandardCharsets.US_ASCII)).toHex().substring(0, 10);
  /** {@code StakingRecord.Status}: ACTIVE, and EXITING, where slashing puts an offender. */
  private static final int ACTIVE = 1;
  private static final int EXITING = 3;

  /** More than a third of a slot: the twin votes before the slot's block reaches it. */
  private static final long TWIN_DELAY_MILLIS = 300;
  /** Long enough for a few conflicting votes, short enough to leave the rest of the run undisturbed. */
  private static final long TWIN_DELAYED_MILLIS = 2_000;

  @TempDir Path directory;

  @Test
  void aKeyRunOnTwoNodesIsSlashedOnEveryNodeLeavesTheSetAndFinalityGoesOn() {
    try (TestnetProcesses testnet = TestnetProcesses.generate(directory.resolve("net"), NODES, NODES, SLOT_MILLIS);
        TestnetProcesses.Links links = testnet.linkThroughProxies(11)) {
      List<String> twinned = testnet.copyValidatorKeys(ORIGINAL, TWIN);
      assertEquals(1, twinned.size(), "node0 runs one validator key");
      String offender = twinned.get(0);
      try (FinalityWatch watch = new FinalityWatch(testnet)) {
        testnet.startAll();
        long started = System.nanoTime();
        watch.awaitEveryNodeFinalizes(1, Duration.ofSeconds(90));
        List<String> validators = activeValidators(testnet, 1, "0x0");
        assertTrue(validators.contains(offender), "the twinned key is a genesis validator: " + validators);
        Staked before = staked(testnet, 1, offender, "0x0").orElseThrow();
        assertEquals(ACTIVE, before.status());

        // The copies must sign different blocks or votes for one slot. Seeing the network alike, they sign the same
        // (not an offence), so for a few slots the twin's links are slowed past a third of a slot: it votes before
        // each new block reaches it, for the block before, while the original votes for the new one.
        links.delay(TWIN, TWIN_DELAY_MILLIS);
        long delayUntil = System.nanoTime() + TWIN_DELAYED_MILLIS * 1_000_000;
        Await.until("the twin's links stay slow " + TWIN_DELAYED_MILLIS + " ms",
            Duration.ofMillis(TWIN_DELAYED_MILLIS + 1_000), () -> System.nanoTime() >= delayUntil);
        links.delay(TWIN, 0);
        Await.until("every node's finalized state has the twinned key slashed", Duration.ofSeconds(90),
            () -> IntStream.range(0, NODES).allMatch(node -> staked(testnet, node, offender, "finalized")
                .filter(s -> s.status() == EXITING && s.stake().compareTo(before.stake()) < 0).isPresent()),
            () -> testnet.heads() + testnet.logTail(1, 15));
        long slashedAfter = since(started);
        Staked slashed = staked(testnet, 1, offender, "finalized").orElseThrow();
        for (String honest : validators) {
          if (!honest.equals(offender)) {
            for (int node = 0; node < NODES; node++) {
              Staked seen = staked(testnet, node, honest, "finalized").orElseThrow();
              assertEquals(ACTIVE, seen.status(), honest + " on node" + node);
              assertEquals(before.stake(), seen.stake(), honest + "'s stake on node" + node);
            }
          }
        }

        // Two epochs on it leaves the set; the other four (all the stake left) finalize on.
        long slotsPerEpoch = Long.decode(testnet.rpc(1, "lux_getEpochInfo", "[]").orElseThrow()
            .path("slotsPerEpoch").asText());
        long exitSlot = slashed.exitEpoch() * slotsPerEpoch;
        Await.until("every node's finalized block is past the exit epoch", Duration.ofSeconds(90),
            () -> IntStream.range(0, NODES).allMatch(node -> testnet.block(node, "finalized")
                .filter(b -> b.slot() >= exitSlot).isPresent()),
            testnet::heads);
        for (int node = 0; node < NODES; node++) {
          List<String> active = activeValidators(testnet, node, "finalized");
          assertEquals(NODES - 1, active.size(), "node" + node + ": " + active);
          assertTrue(!active.contains(offender), "node" + node + " still lists the offender: " + active);
        }
        watch.awaitEveryNodeFinalizes(watch.highestFinalized() + 3, Duration.ofSeconds(40));
        assertEquals(List.of(), watch.violations());
        System.out.println("reliability: twins (one key on two nodes): slashed in every node's finalized state "
            + slashedAfter + " ms after start (stake " + before.stake() + " -> " + slashed.stake() + " wei), out of "
            + "the set from epoch " + slashed.exitEpoch() + ", finality went on; node1 logged: "
            + testnet.logLines(1, "carries evidence"));
      }
    }
  }

  private static List<String> activeValidators(TestnetProcesses testnet, int node, String block) {
    List<String> addresses = new ArrayList<>();
    testnet.rpc(node, "lux_getValidators", "[\"" + block + "\"]").orElseThrow().path("validators")
        .forEach(v -> addresses.add(v.path("address").asText()));
    return addresses;
  }

  private static long since(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** A validator's record in the staking contract. */
  private record Staked(BigInteger stake, int status, long activationEpoch, long exitEpoch) {}

  private static Optional<Staked> staked(TestnetProcesses testnet, int node, String validator, String block) {
    String data = VALIDATOR_SELECTOR + "0".repeat(24) + validator.substring(2);
    return testnet.rpc(node, "eth_call", "[{\"to\":\"" + STAKING + "\",\"data\":\"" + data + "\"},\"" + block + "\"]")
        .map(JsonNode::asText).map(hex -> new Staked(word(hex, 0), word(hex, 1).intValueExact(),
            word(hex, 2).longValueExact(), word(hex, 3).longValueExact()));
  }

  private static BigInteger word(String hex, int index) {
    int start = 2 + index * 64;
    return new BigInteger(hex.substring(start, start + 64), 16);
  }
}
