package io.luxtensor.consensus;

import io.luxtensor.types.Address;
import io.luxtensor.types.StakingRecord;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * The penalty for proven offences: each offender loses a share of its stake — the configured least, or three times
 * the share of the active stake slashed in the same block if that is more (a third of the stake offending together
 * loses everything) — and leaves the active set {@code delayEpochs} after the current epoch. A validator is slashed
 * once, also after it left, while its stake waits out the withdrawal delay. If every active validator offends at
 * once, they pay but keep their seats: a chain without validators could never make another block. The proposer that
 * carried the evidence earns a part of the penalties; the rest is burned.
 *
 * <p>Pure integer arithmetic: every node computes the same wei.
 */
public final class Slashing {
  private Slashing() {}

  /** The registry after the penalties, and what they took. */
  public record Outcome(List<StakingRecord> registry, Wei penalties, Wei reporterReward) {}

  public static Outcome apply(List<StakingRecord> registry, SortedSet<Address> offenders, long epoch,
      SlashingParameters rules, RotationParameters rotation) {
    BigInteger activeStake = BigInteger.ZERO;
    BigInteger offendingStake = BigInteger.ZERO;
    boolean everyActiveOffends = true;
    for (StakingRecord record : registry) {
      boolean offends = offenders.contains(record.address()) && answerable(record);
      if (record.isActiveAt(epoch)) {
        activeStake = activeStake.add(record.stake().value());
        everyActiveOffends &= offends;
      }
      if (offends) {
        offendingStake = offendingStake.add(record.stake().value());
      }
    }
    if (offendingStake.signum() == 0) {
      return new Outcome(registry, Wei.ZERO, Wei.ZERO);
    }
    BigInteger hundred = BigInteger.valueOf(100);
    BigInteger correlated = activeStake.signum() == 0 ? hundred
        : offendingStake.multiply(BigInteger.valueOf(3)).multiply(hundred).divide(activeStake);
    BigInteger percent = correlated.max(BigInteger.valueOf(rules.percent())).min(hundred);
    List<StakingRecord> next = new ArrayList<>(registry.size());
    BigInteger penalties = BigInteger.ZERO;
    for (StakingRecord record : registry) {
      if (offenders.contains(record.address()) && answerable(record)) {
        BigInteger penalty = record.stake().value().multiply(percent).divide(hundred);
        penalties = penalties.add(penalty);
        Wei remaining = Wei.of(record.stake().value().subtract(penalty));
        next.add(everyActiveOffends ? record.slashedKeepingSeat(remaining)
            : record.slashed(remaining, epoch + rotation.delayEpochs()));
      } else {
        next.add(record);
      }
    }
    BigInteger reward = penalties.divide(BigInteger.valueOf(rules.reporterShareDivisor()));
    return new Outcome(List.copyOf(next), Wei.of(penalties), Wei.of(reward));
  }

  /** Whether a record can still be slashed: once active, not slashed before, its stake not yet withdrawn. */
  private static boolean answerable(StakingRecord record) {
    return !record.slashed() && switch (record.status()) {
      case ACTIVE, EXIT_REQUESTED, EXITING -> true;
      // Withdrawable straight from pending, never active, has no exit epoch.
      case WITHDRAWABLE -> record.exitEpoch() > 0;
      case PENDING, WITHDRAWN -> false;
    };
  }
}
