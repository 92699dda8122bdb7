package io.luxtensor.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.types.Address;
import io.luxtensor.types.StakingRecord;
import io.luxtensor.types.StakingRecord.Status;
import io.luxtensor.types.Wei;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Penalties to the wei: the least share, the correlated share, the cap, once per validator, the reporter's part. */
class SlashingTest {
  private final StakingRecords records = new StakingRecords(31);

  @Test
  void aLoneSmallOffenderLosesTheLeastShareAndLeavesAfterTheDelay() {
    List<StakingRecord> registry = validators(40, "32");
    Address offender = registry.get(7).address();

    Slashing.Outcome outcome = apply(registry, offender, 5);

    StakingRecord slashed = outcome.registry().get(7);
    assertEquals(Wei.ofLux("28.8"), slashed.stake(), "10% of 32 LUX: 3 x 1/40 of the stake is less than 10%");
    assertEquals(Status.EXITING, slashed.status());
    assertEquals(7, slashed.exitEpoch(), "out of the set two epochs on");
    assertTrue(slashed.slashed());
    assertEquals(Wei.ofLux("3.2"), outcome.penalties());
    assertEquals(Wei.ofLux("0.4"), outcome.reporterReward(), "an eighth to the proposer, the rest burned");
    assertEquals(registry.subList(0, 7), outcome.registry().subList(0, 7), "nobody else is touched");
  }

  @Test
  void offendersTogetherLoseThreeTimesTheirShareOfTheStake() {
    List<StakingRecord> registry = validators(10, "32");

    Slashing.Outcome outcome = Slashing.apply(registry, new TreeSet<>(List.of(registry.get(0).address(),
        registry.get(1).address())), 5, SlashingParameters.DEFAULT, RotationParameters.DEFAULT);

    assertEquals(Wei.ofLux("12.8"), outcome.registry().get(0).stake(), "2 of 10 offended: 60% lost");
    assertEquals(Wei.ofLux("12.8"), outcome.registry().get(1).stake());
  }

  @Test
  void aThirdOffendingTogetherLosesEverything() {
    List<StakingRecord> registry = validators(3, "32");

    Slashing.Outcome outcome = apply(registry, registry.get(0).address(), 5);

    assertEquals(Wei.ZERO, outcome.registry().get(0).stake());
  }

  @Test
  void aValidatorIsSlashedOnceAndOnlyWhileActive() {
    List<StakingRecord> registry = validators(40, "32");
    Address offender = registry.get(3).address();
    Slashing.Outcome first = apply(registry, offender, 5);

    Slashing.Outcome again = apply(first.registry(), offender, 5);

    assertEquals(first.registry(), again.registry());
    assertEquals(Wei.ZERO, again.penalties());
    List<StakingRecord> pending = new ArrayList<>(registry);
    pending.set(3, registry.get(3).withStatus(Status.PENDING, 0, 0));
    assertEquals(Wei.ZERO, apply(pending, offender, 5).penalties(), "not active: nothing to take");
  }

  @Test
  void aValidatorThatHasLeftPaysFromTheStakeItHasNotWithdrawn() {
    List<StakingRecord> registry = validators(40, "32");
    registry.set(4, registry.get(4).withStatus(Status.WITHDRAWABLE, 0, 3));

    Slashing.Outcome outcome = apply(registry, registry.get(4).address(), 6);

    assertEquals(Wei.ofLux("28.8"), outcome.registry().get(4).stake(), "10%, as for an active one");
    assertEquals(Status.WITHDRAWABLE, outcome.registry().get(4).status());
    assertTrue(outcome.registry().get(4).slashed());
  }

  @Test
  void theLastActiveValidatorsPayButKeepTheirSeats() {
    List<StakingRecord> registry = validators(1, "32");

    Slashing.Outcome outcome = apply(registry, registry.get(0).address(), 5);

    StakingRecord alone = outcome.registry().get(0);
    assertEquals(Wei.ZERO, alone.stake(), "all the active stake offended: it loses everything");
    assertTrue(alone.slashed());
    assertEquals(1, ValidatorRotation.activeAt(outcome.registry(), 5 + RotationParameters.DEFAULT.delayEpochs())
        .validators().size(), "yet the chain keeps a validator to make blocks");
  }

  private static Slashing.Outcome apply(List<StakingRecord> registry, Address offender, long epoch) {
    return Slashing.apply(registry, new TreeSet<>(List.of(offender)), epoch, SlashingParameters.DEFAULT,
        RotationParameters.DEFAULT);
  }

  private List<StakingRecord> validators(int count, String lux) {
    List<StakingRecord> registry = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      registry.add(records.active(i, lux));
    }
    return registry;
  }
}
