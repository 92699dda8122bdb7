package io.luxtensor.consensus;

import io.luxtensor.types.StakingRecord;
import io.luxtensor.types.StakingRecord.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who validates when: at the start of each epoch, rotation schedules the exits asked for, then activates the
 * highest-staked pending validators (ties to the earliest registration), making room by exiting the lowest-ranked
 * active ones when the set is full — at most {@code churnLimit} changes an epoch, each taking effect
 * {@code delayEpochs} after the epoch that just ended. So the set of epoch e + 2 is fixed once epoch e ends.
 *
 * <p>Pure and deterministic: the registry comes in in registration order and leaves in it.
 */
public final class ValidatorRotation {
  /** Highest stake first, then earliest registration. */
  private static final Comparator<StakingRecord> RANK = Comparator.comparing(StakingRecord::stake).reversed()
      .thenComparingLong(StakingRecord::registration);

  private ValidatorRotation() {}

  /** The registry after the rotation that opens {@code epoch} (which must be at least 1). */
  public static List<StakingRecord> atEpochStart(List<StakingRecord> registry, long epoch, RotationParameters rules) {
    if (epoch < 1) {
      throw new IllegalArgumentException("rotation opens epochs from 1 on, got " + epoch);
    }
    long effective = epoch - 1 + rules.delayEpochs();
    List<StakingRecord> next = new ArrayList<>(registry);
    next.sort(Comparator.comparingLong(StakingRecord::registration));
    int churn = rules.churnLimit();
    for (int i = 0; i < next.size(); i++) {
      StakingRecord record = next.get(i);
      if (record.status() == Status.EXITING && record.exitEpoch() + rules.withdrawalDelayEpochs() <= epoch) {
        next.set(i, record.withStatus(Status.WITHDRAWABLE, record.activationEpoch(), record.exitEpoch()));
      }
    }
    for (int i = 0; i < next.size() && churn > 0; i++) {
      StakingRecord record = next.get(i);
      if (record.status() == Status.EXIT_REQUESTED && seated(next) > 1) {
        next.set(i, record.withStatus(Status.EXITING, record.activationEpoch(), effective));
        churn--;
      }
    }
    List<StakingRecord> ranked = next.stream()
        .filter(r -> r.status() == Status.ACTIVE
            || r.status() == Status.PENDING && r.stake().compareTo(rules.minimumStake()) >= 0)
        .sorted(RANK)
        .toList();
    List<StakingRecord> top = ranked.subList(0, Math.min(rules.activeMax(), ranked.size()));
    for (StakingRecord candidate : top) {
      if (churn == 0) {
        break;
      }
      if (candidate.status() != Status.PENDING) {
        continue;
      }
      if (seated(next) >= rules.activeMax()) {
        Optional<StakingRecord> evicted = lowestActiveOutside(next, top);
        if (evicted.isEmpty()) {
          // The seats are held by validators waiting to exit: the newcomer waits for them to leave.
          break;
        }
        replace(next, evicted.get().withStatus(Status.EXITING, evicted.get().activationEpoch(), effective));
        churn--;
        if (churn == 0) {
          break;
        }
      }
      replace(next, candidate.withStatus(Status.ACTIVE, effective, 0));
      churn--;
    }
    return List.copyOf(next);
  }

  /** The validators active in {@code epoch}. */
  public static ValidatorSet activeAt(List<StakingRecord> registry, long epoch) {
    return new ValidatorSet(registry.stream()
        .filter(record -> record.isActiveAt(epoch))
        .map(record -> new Validator(record.address(), record.weight(), record.vrfPublicKey()))
        .toList());
  }

  /** Validators holding a seat once the changes scheduled now take effect. */
  private static long seated(List<StakingRecord> registry) {
    return registry.stream().filter(r -> r.status() == Status.ACTIVE || r.status() == Status.EXIT_REQUESTED).count();
  }

  private static Optional<StakingRecord> lowestActiveOutside(List<StakingRecord> registry, List<StakingRecord> top) {
    return registry.stream()
        .filter(r -> r.status() == Status.ACTIVE && top.stream().noneMatch(t -> t.address().equals(r.address())))
        .max(RANK);
  }

  private static void replace(List<StakingRecord> registry, StakingRecord updated) {
    for (int i = 0; i < registry.size(); i++) {
      if (registry.get(i).address().equals(updated.address())) {
        registry.set(i, updated);
        return;
      }
    }
    throw new IllegalArgumentException(updated.address() + " is not in the registry");
  }
}
