package io.luxtensor.chain.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.chain.simulation.Simulation.Behaviour;
import io.luxtensor.chain.simulation.Simulation.Partition;
import io.luxtensor.chain.simulation.Simulation.Report;
import io.luxtensor.chain.simulation.Simulation.Setup;
import io.luxtensor.consensus.RewardParameters;
import io.luxtensor.types.Address;
import io.luxtensor.types.StakingRecord;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Consensus under a seeded virtual network: safety always, liveness while two thirds of the stake is honest and
 * connected. Each scenario runs {@value #RUNS} seeds; {@code -Dluxtensor.simulation.runs=N} runs more, and a
 * failure names its seed, which replays it.
 */
class SimulationTest {
  private static final int RUNS = Integer.getInteger("luxtensor.simulation.runs", 25);
  /** {@code -Dluxtensor.simulation.seed=N} replays seed N alone, in every scenario run with it. */
  private static final Long ONLY_SEED = Long.getLong("luxtensor.simulation.seed");
  /** Staking chains execute transactions and rotate: a fifth as many runs. */
  private static final int STAKING_RUNS = Math.max(1, RUNS / 5);

  @Test
  void oneValidatorFinalizesEachBlockTwoSlotsLater() {
    check(Setup.honest(1), 40, report -> Invariants.finalityKeepsUp(report, 3, 40, 2));
  }

  @Test
  void fourHonestValidatorsFinalizeWithinFourSlots() {
    check(Setup.honest(4), 40, report -> Invariants.finalityKeepsUp(report, 8, 40, 4));
  }

  @Test
  void sevenValidatorsWithSkewedStakesOnALossyNetworkStaySafeAndLive() {
    Setup setup = Setup.honest(7).withStakes(List.of(32, 32, 64, 40, 100, 33, 50)).withNetwork(5, 150, 3, 10);
    check(setup, 40, report -> Invariants.finalityKeepsUp(report, 20, 40, 8));
  }

  @Test
  void aThirdOfflineCannotStopFinality() {
    check(Setup.honest(4).withBehaviour(3, Behaviour.OFFLINE), 40,
        report -> Invariants.finalityKeepsUpInBlocks(report, 8, 40, 4));
  }

  @Test
  void anEvenSplitFinalizesOnNeitherSideAndResumesAfterHealing() {
    Setup setup = Setup.honest(4).withPartition(Partition.halves(2, 10, 30));
    check(setup, 60, report -> Invariants.finalityStalls(report, 10, 12, 30)
        .or(() -> Invariants.finalityKeepsUp(report, 46, 60, 4)));
  }

  @Test
  void moreThanAThirdDownPausesFinalityAndItResumesWhenTheyReturn() {
    Setup setup = Setup.honest(4).withOutage(Simulation.Outage.from(2, 10, 25));
    check(setup, 50, report -> Invariants.finalityStalls(report, 10, 12, 25)
        .or(() -> Invariants.finalityKeepsUp(report, 41, 50, 4)));
  }

  @Test
  void twentyOneValidatorsFinalizeWithinFourSlots() {
    check(Setup.honest(21), 20, Math.max(1, RUNS / 10), report -> Invariants.finalityKeepsUp(report, 8, 20, 4));
  }

  @Test
  void aHundredValidatorsOnTenNodesFinalizeWithinFourSlots() {
    check(Setup.honest(100).withValidatorsPerNode(10), 16, Math.max(1, RUNS / 25),
        report -> Invariants.finalityKeepsUp(report, 8, 16, 4));
  }

  @Test
  void aNodeRunningAQuarterOfTheValidatorsGoesDownAndFinalityCarriesOn() {
    // Node 3 runs validators 9 to 11 and is down in slots 10 to 29; the others hold three quarters of the stake.
    // Its validators' slots have no block, and only a block proves finality: the bound is in blocks.
    check(Setup.honest(12).withValidatorsPerNode(3).withOutage(Simulation.Outage.from(3, 10, 30)), 40,
        Math.max(1, RUNS / 5), report -> Invariants.finalityKeepsUpInBlocks(report, 8, 40, 4, node -> node < 3)
            .or(() -> Invariants.finalityKeepsUp(report, 36, 40, 4)));
  }

  @Test
  void forgedCopiesOfVotesAndVotesFromTheFarFutureChangeNothing() {
    check(Setup.honest(4).withBehaviour(3, Behaviour.FORGER), 40,
        report -> Invariants.finalityKeepsUp(report, 8, 40, 4));
  }

  @Test
  void anEquivocatingProposerIsCaughtAndFinalityHolds() {
    check(Setup.honest(4).withBehaviour(1, Behaviour.EQUIVOCATING_PROPOSER), 40,
        report -> Invariants.everyEquivocationEndsInEvidence(report));
  }

  @Test
  void aDoubleVoterIsCaughtAndLosesItsWeight() {
    check(Setup.honest(4).withBehaviour(2, Behaviour.DOUBLE_VOTER), 40,
        report -> Invariants.everyEquivocationEndsInEvidence(report));
  }

  @Test
  void aSurroundVoterIsCaughtAndLosesItsWeight() {
    check(Setup.honest(4).withBehaviour(0, Behaviour.SURROUND_VOTER), 40,
        report -> Invariants.everyEquivocationEndsInEvidence(report)
            .or(() -> Invariants.finalityKeepsUp(report, 8, 40, 4)));
  }

  @Test
  void aProposerWithholdingItsBlocksCannotStopFinality() {
    // Its late blocks compete with the next proposer's and split the votes for a slot or two: 6 blocks, not 4.
    check(Setup.honest(4).withBehaviour(1, Behaviour.WITHHOLDER), 40,
        report -> Invariants.finalityKeepsUpInBlocks(report, 8, 40, 6));
  }

  @Test
  void twinsOnBothSidesOfASplitCannotMakeFinalityConflict() {
    // Validator 0 runs on node 0 (with node 1) and on node 4 (with nodes 2 and 3): the second side holds three
    // quarters of the stake and may finalize alone; the first may not; after healing, all finalize together.
    Setup setup = Setup.honest(4).withBehaviour(0, Behaviour.TWIN).withPartition(Partition.halves(2, 10, 30));
    check(setup, 50, report -> Invariants.finalityAdvances(report, 2, 12, 29)
        .or(() -> Invariants.finalityAdvances(report, 1, 12, 29).isEmpty()
            ? Optional.of("node 1, on the side with half the stake, finalized while split") : Optional.empty())
        .or(() -> Invariants.finalityKeepsUp(report, 46, 50, 4)));
  }

  @Test
  void twinsWithHalfTheStakeCanMakeFinalityConflictOnlyByLeavingEvidenceAgainstThemselves() {
    // Validators 0 and 1 run twice: nodes 0, 1 and 2 on one side, their copies (4 and 5) with node 3 on the other.
    // Each side holds three quarters of the stake and finalizes its own chain; once healed, each honest node must
    // hold evidence against the twins (half the stake), as Casper FFG's accountable safety promises.
    Setup setup = Setup.honest(4).withBehaviour(0, Behaviour.TWIN).withBehaviour(1, Behaviour.TWIN)
        .withPartition(Partition.sides(Set.of(0, 1, 2), 10, 30));
    List<String> failures = new ArrayList<>();
    int conflicts = 0;
    for (long seed = 1; seed <= STAKING_RUNS; seed++) {
      Report report = new Simulation(setup, seed).run(50);
      conflicts += Invariants.finalizedBlocksNeverConflict(report).isPresent() ? 1 : 0;
      long seedOfRun = seed;
      Invariants.finalityNeverGoesBack(report)
          .or(() -> Invariants.noBlockIsRefused(report))
          .or(() -> Invariants.honestValidatorsSignNothingSlashable(report))
          .or(() -> Invariants.conflictingFinalityLeavesEvidence(report, setup.stakes()))
          .ifPresent(v -> failures.add("seed " + seedOfRun + ": " + v));
    }
    assertEquals(List.of(), failures);
    assertEquals(STAKING_RUNS, conflicts, "each run splits finality, or the scenario tests nothing");
  }

  @Test
  void aValidatorJoinsAndAnotherLeavesAtEpochBoundariesWhileFinalityCarriesOn() {
    // Epochs of 8 slots: a node stakes in slot 2 and validator 3 asks to leave in slot 3 (epoch 0); rotation at
    // the start of epoch 1 schedules both for epoch 2, which begins at slot 16.
    Setup setup = Setup.honest(4).withRotation(new Simulation.Rotation(true, 1, 2, 3, 3));
    long firstSlotOfEpoch2 = 2L * Simulation.SLOTS_PER_EPOCH;
    check(setup, 40, STAKING_RUNS, (simulation, report) -> {
      List<Address> expected = List.of(report.addresses().get(0), report.addresses().get(1),
          report.addresses().get(2), report.addresses().get(4)).stream().sorted().toList();
      return Invariants.finalityKeepsUp(report, 8, 40, 4)
          .or(() -> signsOnlyFrom(report, 4, firstSlotOfEpoch2, "the joiner"))
          .or(() -> signsOnlyBefore(report, 3, firstSlotOfEpoch2, "the leaver"))
          .or(() -> everyNodeSees(simulation, report, 40, expected));
    });
  }

  @Test
  void aJoinerAndALeaverRotateWhileTheNetworkIsSplitAndAllAgreeOnTheSetAfterHealing() {
    // Split from slot 1 to 20: each side includes the staking transactions in its own blocks and rotates at the
    // start of epochs 1 and 2 on its own branch (validator 3 leaves, the joiner on node 4 enters at slot 16), with
    // half the stake on each side, so neither finalizes. After healing, one branch wins everywhere.
    Setup setup = Setup.honest(4).withRotation(new Simulation.Rotation(true, 1, 2, 3, 3))
        .withPartition(Partition.halves(2, 1, 20));
    check(setup, 44, STAKING_RUNS, (simulation, report) -> {
      List<Address> expected = List.of(report.addresses().get(0), report.addresses().get(1),
          report.addresses().get(2), report.addresses().get(4)).stream().sorted().toList();
      return Invariants.finalityStalls(report, 1, 2, 20)
          .or(() -> Invariants.finalityKeepsUp(report, 36, 44, 4))
          .or(() -> everyNodeSees(simulation, report, 44, expected));
    });
  }

  @Test
  void onAStakingChainADoubleVoterLosesAShareOfItsStakeAndItsSeat() {
    Setup setup = Setup.honest(4).withBehaviour(2, Behaviour.DOUBLE_VOTER)
        .withRotation(new Simulation.Rotation(true, 0, 0, -1, 0));
    check(setup, 40, STAKING_RUNS, (simulation, report) -> {
      Address offender = report.addresses().get(2);
      Optional<String> violation = Invariants.everyEquivocationEndsInEvidence(report);
      for (int node = 0; node < 4 && violation.isEmpty(); node++) {
        if (node == 2) {
          continue;
        }
        StakingRecord record = simulation.registrySeenBy(node, 40).stream()
            .filter(r -> r.address().equals(offender)).findFirst().orElseThrow();
        // A quarter of the active stake offended: it loses three times that share, 75% of its 32 LUX.
        if (!record.slashed() || !record.stake().equals(Wei.ofLux("8"))) {
          violation = Optional.of("node " + node + " sees the offender as " + record);
        } else if (simulation.validatorsSeenBy(node, 40).contains(offender)) {
          violation = Optional.of("node " + node + " still has the offender among its validators");
        }
      }
      return violation;
    });
  }

  @Test
  void onAStakingChainProposersAndTimelyVotersEarnAndTheAbsentDoNot() {
    Setup setup = Setup.honest(4).withBehaviour(3, Behaviour.OFFLINE)
        .withRotation(new Simulation.Rotation(true, 0, 0, -1, 0));
    long slots = 24;
    Wei genesisBalance = Wei.ofLux("1");
    Wei mostMinted = Wei.of(RewardParameters.DEFAULT.issuancePerEpoch().value()
        .multiply(BigInteger.valueOf(slots)).divide(BigInteger.valueOf(Simulation.SLOTS_PER_EPOCH)));
    check(setup, slots, STAKING_RUNS, (simulation, report) -> {
      Wei minted = Wei.ZERO;
      for (int validator = 0; validator < 4; validator++) {
        Wei balance = simulation.balanceSeenBy(0, report.addresses().get(validator), slots);
        boolean offline = validator == 3;
        if (offline ? !balance.equals(genesisBalance) : balance.compareTo(genesisBalance) <= 0) {
          return Optional.of((offline ? "the offline" : "an active") + " validator ended with " + balance);
        }
        minted = minted.add(balance.subtract(genesisBalance));
      }
      return minted.compareTo(mostMinted) > 0 ? Optional.of("minted " + minted + ", at most " + mostMinted)
          : Optional.empty();
    });
  }

  /** Every node's head has {@code expected} as the validators of {@code slot}'s epoch. */
  private static Optional<String> everyNodeSees(Simulation simulation, Report report, long slot,
      List<Address> expected) {
    for (int node = 0; node < report.addresses().size(); node++) {
      List<Address> seen = simulation.validatorsSeenBy(node, slot);
      if (!seen.equals(expected)) {
        return Optional.of("node " + node + " sees validators " + seen + ", not " + expected);
      }
    }
    return Optional.empty();
  }

  /** Node {@code node} signed blocks and votes, all in slots from {@code first} on. */
  private static Optional<String> signsOnlyFrom(Report report, int node, long first, String who) {
    List<Long> blockSlots = report.blocksSigned().get(node).stream().map(b -> b.header().slot()).toList();
    List<Long> voteSlots = report.votesSigned().get(node).stream().map(v -> v.vote().slot()).toList();
    if (blockSlots.isEmpty() || voteSlots.isEmpty()) {
      return Optional.of(who + " never proposed or voted: blocks " + blockSlots + ", votes " + voteSlots);
    }
    return blockSlots.stream().anyMatch(s -> s < first) || voteSlots.stream().anyMatch(s -> s < first)
        ? Optional.of(who + " signed before slot " + first + ": blocks " + blockSlots + ", votes " + voteSlots)
        : Optional.empty();
  }

  /** Node {@code node} signed nothing from slot {@code end} on. */
  private static Optional<String> signsOnlyBefore(Report report, int node, long end, String who) {
    boolean late = report.blocksSigned().get(node).stream().anyMatch(b -> b.header().slot() >= end)
        || report.votesSigned().get(node).stream().anyMatch(v -> v.vote().slot() >= end);
    return late ? Optional.of(who + " still signed from slot " + end + " on") : Optional.empty();
  }

  private static Optional<String> safety(Report report) {
    return Invariants.finalizedBlocksNeverConflict(report)
        .or(() -> Invariants.noBlockIsRefused(report))
        .or(() -> Invariants.honestNodesAgreeOnTheSchedule(report))
        .or(() -> Invariants.finalityNeverGoesBack(report))
        .or(() -> Invariants.honestValidatorsSignNothingSlashable(report));
  }

  private static void check(Setup setup, long slots, Function<Report, Optional<String>> scenario) {
    check(setup, slots, RUNS, scenario);
  }

  private static void check(Setup setup, long slots, int runs, Function<Report, Optional<String>> scenario) {
    check(setup, slots, runs, (simulation, report) -> scenario.apply(report));
  }

  /** Runs {@code runs} seeds; each must keep safety and then pass {@code scenario}; failures name their seed. */
  private static void check(Setup setup, long slots, int runs,
      BiFunction<Simulation, Report, Optional<String>> scenario) {
    List<String> failures = new ArrayList<>();
    long first = ONLY_SEED == null ? 1 : ONLY_SEED;
    long last = ONLY_SEED == null ? runs : ONLY_SEED;
    for (long seed = first; seed <= last; seed++) {
      Simulation simulation = new Simulation(setup, seed);
      Report report = simulation.run(slots);
      Optional<String> violation = safety(report).or(() -> scenario.apply(simulation, report));
      long seedOfRun = seed;
      violation.ifPresent(v -> failures.add("seed " + seedOfRun + ": " + v));
    }
    assertEquals(List.of(), failures);
  }
}
