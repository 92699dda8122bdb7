package io.luxtensor.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.types.StakingRecord;
import io.luxtensor.types.StakingRecord.Status;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inactivity penalty to the wei: the grace, the share an epoch, rounding, who pays, the exit below minimum. */
class InactivityTest {
  /** Two epochs of grace, then 1% an epoch. */
  private static final InactivityParameters TWO_EPOCHS_THEN_ONE_PERCENT = new InactivityParameters(2, 100);
  private final StakingRecords records = new StakingRecords(53);

  @Test
  void anAbsentValidatorKeepsItsStakeThroughTheGraceThenLosesOnePercentAnEpoch() {
    List<StakingRecord> registry = List.of(records.active(0, "40"), records.active(1, "40"));
    List<Wei> absentStakes = new ArrayList<>();
    List<Wei> burned = new ArrayList<>();
    for (long epoch = 1; epoch <= 6; epoch++) {
      // Validator 1 votes every epoch; validator 0 was last seen at genesis, epoch 0.
      registry = List.of(registry.get(0), registry.get(1).withLastVoteEpoch(epoch - 1));
      Inactivity.Outcome outcome = apply(registry, epoch, TWO_EPOCHS_THEN_ONE_PERCENT);
      registry = outcome.registry();
      absentStakes.add(registry.get(0).stake());
      burned.add(outcome.burned());
      assertEquals(Wei.ofLux("40"), registry.get(1).stake(), "the present validator keeps its stake");
    }

    // Epochs 1 and 2 absent are within the grace; from the start of epoch 4 on (epochs 1-3 absent) it pays 1%.
    assertEquals(List.of(Wei.ofLux("40"), Wei.ofLux("40"), Wei.ofLux("40"), Wei.ofLux("39.6"), Wei.ofLux("39.204"),
        Wei.ofLux("38.81196")), absentStakes);
    assertEquals(List.of(Wei.ZERO, Wei.ZERO, Wei.ZERO, Wei.ofLux("0.4"), Wei.ofLux("0.396"), Wei.ofLux("0.39204")),
        burned);
    assertEquals(Status.ACTIVE, registry.get(0).status(), "still above the minimum: still active");
  }

  @Test
  void aVoteCarriedEndsTheAbsence() {
    StakingRecord back = records.active(0, "40").withLastVoteEpoch(9);

    Inactivity.Outcome outcome = apply(List.of(back), 12, TWO_EPOCHS_THEN_ONE_PERCENT);

    assertEquals(List.of(back), outcome.registry(), "absent in epochs 10 and 11 only: within the grace");
    assertEquals(Wei.ZERO, outcome.burned());
  }

  @Test
  void thePenaltyIsRoundedDownToTheWei() {
    Wei stake = Wei.of(Wei.ofLux("32").value().add(BigInteger.valueOf(99)));

    Inactivity.Outcome outcome = apply(List.of(records.active(0, "1").withStake(stake)), 4,
        new InactivityParameters(2, 100));

    // (32 * 10^18 + 99) * 100 / 10,000 = 32 * 10^16 + 0.99: the 0.99 wei stays with the validator.
    assertEquals(Wei.of(new BigInteger("320000000000000000")), outcome.burned());
    assertEquals(Wei.of(new BigInteger("31680000000000000099")), outcome.registry().get(0).stake());
  }

  @Test
  void belowTheMinimumStakeTheValidatorLeavesThroughRotation() {
    RotationParameters rotation = RotationParameters.DEFAULT;
    List<StakingRecord> registry = List.of(records.active(0, "32.2"), records.active(1, "40"));

    Inactivity.Outcome outcome = apply(registry, 4, TWO_EPOCHS_THEN_ONE_PERCENT);

    StakingRecord penalized = outcome.registry().get(0);
    assertEquals(Wei.ofLux("31.878"), penalized.stake());
    assertEquals(Status.EXIT_REQUESTED, penalized.status(), "below 32 LUX: it asks to leave");
    StakingRecord rotated = ValidatorRotation.atEpochStart(outcome.registry(), 4, rotation).get(0);
    assertEquals(Status.EXITING, rotated.status());
    assertEquals(5, rotated.exitEpoch(), "out two epochs after the epoch that just ended, as any exit");

    // Still active in epoch 4 and absent: it pays at the start of epoch 5, and never again once gone.
    List<StakingRecord> afterExit = List.of(rotated, outcome.registry().get(1).withLastVoteEpoch(5));
    Inactivity.Outcome atFive = apply(afterExit, 5, TWO_EPOCHS_THEN_ONE_PERCENT);
    assertEquals(Wei.ofLux("31.55922"), atFive.registry().get(0).stake());
    assertEquals(Status.EXITING, atFive.registry().get(0).status());
    assertEquals(atFive.registry(), apply(atFive.registry(), 6, TWO_EPOCHS_THEN_ONE_PERCENT).registry());
  }

  @Test
  void onlyValidatorsActiveInTheEndedEpochPayAndAbsenceCountsFromActivation() {
    StakingRecord pending = records.pending(0, "40");
    StakingRecord scheduled = records.pending(1, "40").withStatus(Status.ACTIVE, 10, 0);
    StakingRecord activatedAtFive = records.pending(2, "40").withStatus(Status.ACTIVE, 5, 0);
    StakingRecord gone = records.pending(3, "40").withStatus(Status.WITHDRAWABLE, 0, 3);
    List<StakingRecord> registry = List.of(pending, scheduled, activatedAtFive, gone);

    assertEquals(registry, apply(registry, 8, TWO_EPOCHS_THEN_ONE_PERCENT).registry(),
        "active from epoch 5, which counts as present: absent in 6 and 7 only, within the grace");
    assertEquals(Wei.ofLux("39.6"), apply(registry, 9, TWO_EPOCHS_THEN_ONE_PERCENT).registry().get(2).stake());
    assertEquals(Wei.ofLux("0.4"), apply(registry, 9, TWO_EPOCHS_THEN_ONE_PERCENT).burned(), "nobody else pays");
  }

  @Test
  void zeroBasisPointsCostsNothingHoweverLongTheAbsence() {
    List<StakingRecord> registry = List.of(records.active(0, "32"));

    Inactivity.Outcome outcome = apply(registry, 1_000, new InactivityParameters(0, 0));

    assertEquals(registry, outcome.registry());
    assertEquals(Wei.ZERO, outcome.burned());
  }

  private static Inactivity.Outcome apply(List<StakingRecord> registry, long epoch, InactivityParameters rules) {
    return Inactivity.atEpochStart(registry, epoch, rules, RotationParameters.DEFAULT);
  }
}
