package io.luxtensor.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.testing.SeededRandom;
import io.luxtensor.types.Address;
import io.luxtensor.types.StakingRecord;
import io.luxtensor.types.StakingRecord.Status;
import io.luxtensor.types.Wei;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ValidatorRotationTest {
  private static final RotationParameters SMALL = new RotationParameters(Wei.ofLux("32"), 3, 2, 2, 2);
  private final StakingRecords records = new StakingRecords(17);

  @Test
  void aValidatorRegisteredInAnEpochIsActiveTwoEpochsLater() {
    List<StakingRecord> registry = List.of(records.active(0, "32"), records.pending(1, "40"));

    List<StakingRecord> afterEpoch0 = ValidatorRotation.atEpochStart(registry, 1, SMALL);

    assertEquals(new StakingRecord(registry.get(1).address(), Wei.ofLux("40"), registry.get(1).vrfPublicKey(), 1,
        Status.ACTIVE, 2, 0), afterEpoch0.get(1));
    assertEquals(Set.of(registry.get(0).address()), members(afterEpoch0, 1));
    assertEquals(Set.of(registry.get(0).address(), registry.get(1).address()), members(afterEpoch0, 2));
  }

  @Test
  void aPendingValidatorBelowTheMinimumStakeWaits() {
    List<StakingRecord> registry = List.of(records.active(0, "32"), records.pending(1, "31.999999999999999999"));

    List<StakingRecord> next = ValidatorRotation.atEpochStart(registry, 1, SMALL);

    assertEquals(Status.PENDING, next.get(1).status());
  }

  @Test
  void noMoreThanTheChurnLimitChangesAtOneBoundaryAndTheHighestStakesGoFirst() {
    RotationParameters roomy = new RotationParameters(Wei.ofLux("32"), 100, 2, 2, 2);
    List<StakingRecord> registry = List.of(records.active(0, "32"), records.pending(1, "33"),
        records.pending(2, "50"), records.pending(3, "40"));

    List<StakingRecord> first = ValidatorRotation.atEpochStart(registry, 1, roomy);
    assertEquals(List.of(Status.ACTIVE, Status.PENDING, Status.ACTIVE, Status.ACTIVE), statuses(first));

    List<StakingRecord> second = ValidatorRotation.atEpochStart(first, 2, roomy);
    assertEquals(List.of(Status.ACTIVE, Status.ACTIVE, Status.ACTIVE, Status.ACTIVE), statuses(second));
    assertEquals(3, second.get(1).activationEpoch());
  }

  @Test
  void aFullSetMakesRoomForAHigherStakeByExitingTheLowest() {
    List<StakingRecord> registry = List.of(records.active(0, "40"), records.active(1, "32"),
        records.active(2, "50"), records.pending(3, "45"));

    List<StakingRecord> next = ValidatorRotation.atEpochStart(registry, 5, SMALL);

    assertEquals(List.of(Status.ACTIVE, Status.EXITING, Status.ACTIVE, Status.ACTIVE), statuses(next));
    assertEquals(6, next.get(1).exitEpoch());
    assertEquals(6, next.get(3).activationEpoch());
    assertEquals(3, ValidatorRotation.activeAt(next, 5).validators().size(), "the lowest serves out its epochs");
    assertEquals(3, ValidatorRotation.activeAt(next, 6).validators().size(), "and is replaced, not joined");
  }

  @Test
  void anEqualStakeDoesNotDisplaceAnEarlierRegistration() {
    List<StakingRecord> registry = List.of(records.active(0, "40"), records.active(1, "32"),
        records.active(2, "50"), records.pending(3, "32"));

    List<StakingRecord> next = ValidatorRotation.atEpochStart(registry, 5, SMALL);

    assertEquals(List.of(Status.ACTIVE, Status.ACTIVE, Status.ACTIVE, Status.PENDING), statuses(next));
  }

  @Test
  void anExitTakesEffectAfterTheDelayAndTheStakeAfterTheWithdrawalDelay() {
    List<StakingRecord> registry = List.of(records.active(0, "32"),
        records.active(1, "32").withStatus(Status.EXIT_REQUESTED, 0, 0));

    List<StakingRecord> scheduled = ValidatorRotation.atEpochStart(registry, 3, SMALL);
    assertEquals(Status.EXITING, scheduled.get(1).status());
    assertEquals(4, scheduled.get(1).exitEpoch());
    assertEquals(2, members(scheduled, 3).size(), "still active in the epoch after the request");
    assertEquals(1, members(scheduled, 4).size());

    assertEquals(Status.EXITING, ValidatorRotation.atEpochStart(scheduled, 5, SMALL).get(1).status());
    assertEquals(Status.WITHDRAWABLE, ValidatorRotation.atEpochStart(scheduled, 6, SMALL).get(1).status());
  }

  @Test
  void theLastValidatorCannotLeave() {
    List<StakingRecord> registry = List.of(records.active(0, "32").withStatus(Status.EXIT_REQUESTED, 0, 0));

    List<StakingRecord> next = ValidatorRotation.atEpochStart(registry, 1, SMALL);

    assertEquals(Status.EXIT_REQUESTED, next.get(0).status());
    assertEquals(1, members(next, 10).size());
  }

  @Test
  void epochZeroHasNoRotation() {
    List<StakingRecord> registry = List.of(records.active(0, "32"));
    assertThrows(IllegalArgumentException.class, () -> ValidatorRotation.atEpochStart(registry, 0, SMALL));
  }

  @Test
  void whateverValidatorsDoTheSetOfAnEpochIsFixedOneEpochAheadAndNeverTooLargeOrEmpty() {
    SecureRandom random = SeededRandom.of(100);
    for (int run = 0; run < 30; run++) {
      List<StakingRecord> registry = new ArrayList<>(List.of(records.active(0, "32")));
      Set<Address> fixedForThisEpoch = members(registry, 1);
      for (long epoch = 1; epoch <= 40; epoch++) {
        registry = new ArrayList<>(ValidatorRotation.atEpochStart(registry, epoch, SMALL));
        assertEquals(fixedForThisEpoch, members(registry, epoch),
            "run " + run + ": the set of epoch " + epoch + " changed after it was fixed");
        Set<Address> next = members(registry, epoch + 1);
        assertTrue(!next.isEmpty() && next.size() <= SMALL.activeMax(), "run " + run + ": " + next.size());
        // Between boundaries validators register, top up pending stakes and ask to leave.
        int actions = random.nextInt(4);
        for (int a = 0; a < actions; a++) {
          int pick = random.nextInt(3);
          if (pick == 0) {
            registry.add(records.pending(registry.size(), Integer.toString(30 + random.nextInt(30))));
          } else {
            int i = random.nextInt(registry.size());
            StakingRecord r = registry.get(i);
            if (pick == 1 && r.status() == Status.PENDING) {
              registry.set(i, r.withStake(r.stake().add(Wei.ofLux("5"))));
            } else if (pick == 2 && r.status() == Status.ACTIVE) {
              registry.set(i, r.withStatus(Status.EXIT_REQUESTED, r.activationEpoch(), 0));
            }
          }
        }
        fixedForThisEpoch = members(registry, epoch + 1);
        assertEquals(next, fixedForThisEpoch, "run " + run + ": what validators do between boundaries moves no one");
      }
    }
  }

  private static Set<Address> members(List<StakingRecord> registry, long epoch) {
    return ValidatorRotation.activeAt(registry, epoch).validators().stream().map(Validator::address)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<Status> statuses(List<StakingRecord> registry) {
    return registry.stream().map(StakingRecord::status).toList();
  }


}
