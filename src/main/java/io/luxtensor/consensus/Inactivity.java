package io.luxtensor.consensus;

import io.luxtensor.types.StakingRecord;
import io.luxtensor.types.StakingRecord.Status;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The penalty for a long absence, at the start of each epoch: a validator active in the epoch that just ended, none
 * of whose votes the chain has carried for more than {@code graceEpochs} epochs (counted from its latest carried
 * vote's epoch, or its activation if later), loses {@code penaltyBasisPoints} ten-thousandths of its stake, rounded
 * down. The penalty is burned. If its stake falls below the minimum, it asks to leave as {@code requestExit()} would,
 * and rotation schedules its exit like any other.
 *
 * <p>Pure integer arithmetic over the registry in registration order: every node takes the same wei.
 */
public final class Inactivity {
  private Inactivity() {}

  /** The registry after the penalties, and their sum. */
  public record Outcome(List<StakingRecord> registry, Wei burned) {}

  /** The penalties at the start of {@code epoch} (at least 1), for absence up to the end of epoch - 1. */
  public static Outcome atEpochStart(List<StakingRecord> registry, long epoch, InactivityParameters rules,
      RotationParameters rotation) {
    if (epoch < 1) {
      throw new IllegalArgumentException("inactivity is measured at the start of epochs from 1 on, got " + epoch);
    }
    long ended = epoch - 1;
    List<StakingRecord> next = new ArrayList<>(registry.size());
    BigInteger burned = BigInteger.ZERO;
    for (StakingRecord record : registry) {
      BigInteger penalty = record.isActiveAt(ended) && ended - record.lastPresentEpoch() > rules.graceEpochs()
          ? penalty(record.stake(), rules) : BigInteger.ZERO;
      if (penalty.signum() == 0) {
        next.add(record);
        continue;
      }
      burned = burned.add(penalty);
      StakingRecord penalized = record.withStake(Wei.of(record.stake().value().subtract(penalty)));
      if (penalized.status() == Status.ACTIVE && penalized.stake().compareTo(rotation.minimumStake()) < 0) {
        penalized = penalized.withStatus(Status.EXIT_REQUESTED, penalized.activationEpoch(), 0);
      }
      next.add(penalized);
    }
    return new Outcome(List.copyOf(next), Wei.of(burned));
  }

  /** One epoch's penalty on {@code stake}: its share in basis points, rounded down. */
  private static BigInteger penalty(Wei stake, InactivityParameters rules) {
    return stake.value().multiply(BigInteger.valueOf(rules.penaltyBasisPoints()))
        .divide(BigInteger.valueOf(InactivityParameters.BASIS_POINTS));
  }
}
