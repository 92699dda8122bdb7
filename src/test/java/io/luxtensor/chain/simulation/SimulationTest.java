package io.luxtensor.chain.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.chain.simulation.Simulation.Behaviour;
import io.luxtensor.chain.simulation.Simulation.Partition;
import io.luxtensor.chain.simulation.Simulation.Report;
import io.luxtensor.chain.simulation.Simulation.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Consensus under a seeded virtual network: safety always, liveness while two thirds of the stake is honest and
 * connected. Each scenario runs {@value #RUNS} seeds; {@code -Dluxtensor.simulation.runs=N} runs more, and a
 * failure names its seed, which replays it.
 */
class SimulationTest {
  private static final int RUNS = Integer.getInteger("luxtensor.simulation.runs", 25);

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
        report -> Invariants.finalityKeepsUp(report, 8, 40, 4));
  }

  @Test
  void anEvenSplitFinalizesOnNeitherSideAndResumesAfterHealing() {
    Setup setup = Setup.honest(4).withPartition(Partition.halves(2, 10, 30));
    check(setup, 60, report -> Invariants.finalityStalls(report, 12, 30)
        .or(() -> Invariants.finalityKeepsUp(report, 46, 60, 4)));
  }

  @Test
  void moreThanAThirdDownPausesFinalityAndItResumesWhenTheyReturn() {
    Setup setup = Setup.honest(4).withOutage(Simulation.Outage.from(2, 10, 25));
    check(setup, 50, report -> Invariants.finalityStalls(report, 12, 25)
        .or(() -> Invariants.finalityKeepsUp(report, 41, 50, 4)));
  }

  @Test
  void twentyOneValidatorsFinalizeWithinFourSlots() {
    check(Setup.honest(21), 20, Math.max(1, RUNS / 10), report -> Invariants.finalityKeepsUp(report, 8, 20, 4));
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
    check(Setup.honest(4).withBehaviour(1, Behaviour.WITHHOLDER), 40,
        report -> Invariants.finalityKeepsUp(report, 8, 40, 4));
  }

  @Test
  void twinsOnBothSidesOfASplitCannotMakeFinalityConflict() {
    // Validator 0 runs on node 0 (with node 1) and on node 4 (with nodes 2 and 3): the second side holds three
    // quarters of the stake and may finalize alone; the first may not. Safety is checked for every run.
    Setup setup = Setup.honest(4).withBehaviour(0, Behaviour.TWIN).withPartition(Partition.halves(2, 10, 30));
    check(setup, 50, report -> Invariants.finalityAdvances(report, 2, 12, 29)
        .or(() -> Invariants.finalityAdvances(report, 1, 12, 29).isEmpty()
            ? Optional.of("node 1, on the side with half the stake, finalized while split") : Optional.empty())
        .or(() -> Invariants.finalityKeepsUp(report, 46, 50, 4)));
  }

  private static void check(Setup setup, long slots, Function<Report, Optional<String>> scenario) {
    check(setup, slots, RUNS, scenario);
  }

  private static void check(Setup setup, long slots, int runs, Function<Report, Optional<String>> scenario) {
    List<String> failures = new ArrayList<>();
    for (long seed = 1; seed <= runs; seed++) {
      Report report = new Simulation(setup, seed).run(slots);
      Optional<String> violation = Invariants.finalizedBlocksNeverConflict(report)
          .or(() -> Invariants.finalityNeverGoesBack(report))
          .or(() -> Invariants.honestValidatorsSignNothingSlashable(report))
          .or(() -> scenario.apply(report));
      long seedOfRun = seed;
      violation.ifPresent(v -> failures.add("seed " + seedOfRun + ": " + v));
    }
    assertEquals(List.of(), failures);
  }
}
