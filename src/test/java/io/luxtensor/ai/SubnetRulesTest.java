package io.luxtensor.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.ai.WeightsCheck.Outcome;
import io.luxtensor.ai.WeightsCheck.Weight;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The subnet rules the AI network's contracts apply: bounds, prices, pruning, weights checks and windows. */
class SubnetRulesTest {
  private static final SubnetHyperparameters DEFAULTS = SubnetHyperparameters.DEFAULTS;

  @Test
  void theDefaultsAreWithinTheBoundsAndEachBoundIsEnforced() {
    assertEquals(Optional.empty(), DEFAULTS.problem());
    assertEquals(Optional.of("tempo must be from 1 to 65535, not 0"), withTempo(0).problem());
    assertEquals(Optional.of("maxValidators must be from 1 to 256, not 257"), new SubnetHyperparameters(360, 256,
        257, 4_096, 5_000, 100, 1, 32_767, 900_000, false, 1).problem());
    assertEquals(Optional.of("bondsMovingAverage must be from 0 to 999999, not 1000000"), new SubnetHyperparameters(
        360, 256, 64, 4_096, 5_000, 100, 1, 32_767, 1_000_000, false, 1).problem());
    assertEquals(Optional.of("commitRevealPeriod must be from 1 to 100, not 0"), new SubnetHyperparameters(360, 256,
        64, 4_096, 5_000, 100, 1, 32_767, 900_000, true, 0).problem());
    assertEquals(Optional.of("kappa must be from 0 to 65535, not 65536"), new SubnetHyperparameters(360, 256, 64,
        4_096, 5_000, 100, 1, 65_536, 900_000, false, 1).problem());
  }

  @Test
  void aSubnetLockDoublesAndDecaysLinearlyToTheMinimum() {
    BigInteger minimum = BigInteger.valueOf(100);
    assertEquals(minimum, RegistrationPricing.subnetLock(BigInteger.ZERO, Optional.empty(), 50, minimum, 1_000));
    BigInteger last = BigInteger.valueOf(1_000);
    assertEquals(BigInteger.valueOf(2_000), RegistrationPricing.subnetLock(last, Optional.of(10L), 10, minimum, 1_000));
    assertEquals(BigInteger.valueOf(1_500),
        RegistrationPricing.subnetLock(last, Optional.of(10L), 510, minimum, 1_000));
    assertEquals(minimum, RegistrationPricing.subnetLock(last, Optional.of(10L), 10_000, minimum, 1_000));
  }

  @Test
  void theBurnFollowsDemandWithinItsBounds() {
    BigInteger burn = BigInteger.valueOf(1_000);
    BigInteger min = BigInteger.valueOf(100);
    BigInteger max = BigInteger.valueOf(5_000);
    assertEquals(burn, RegistrationPricing.nextBurn(burn, 3, 3, min, max), "on target: unchanged");
    assertEquals(BigInteger.valueOf(1_500), RegistrationPricing.nextBurn(burn, 6, 3, min, max), "twice the target");
    assertEquals(BigInteger.valueOf(500), RegistrationPricing.nextBurn(burn, 0, 3, min, max), "none: halved");
    assertEquals(max, RegistrationPricing.nextBurn(BigInteger.valueOf(4_000), 30, 3, min, max));
    assertEquals(min, RegistrationPricing.nextBurn(BigInteger.valueOf(150), 0, 3, min, max));
  }

  @Test
  void aFullSubnetReplacesTheLowestEmissionPastImmunityTiesToEarliestThenLowestUid() {
    List<UidPruning.Candidate> uids = List.of(
        new UidPruning.Candidate(BigInteger.valueOf(5), 0),
        new UidPruning.Candidate(BigInteger.valueOf(1), 90),
        new UidPruning.Candidate(BigInteger.valueOf(2), 10),
        new UidPruning.Candidate(BigInteger.valueOf(2), 5),
        new UidPruning.Candidate(BigInteger.valueOf(2), 5));
    assertEquals(Optional.of(3), UidPruning.uidToReplace(uids, 100, 50), "UID 1 is immune; 3 and 4 tie, 3 is lower");
    assertEquals(Optional.of(1), UidPruning.uidToReplace(uids, 140, 50), "UID 1's immunity is over");
    assertEquals(Optional.empty(), UidPruning.uidToReplace(uids, 100, 1_000), "everyone immune");
  }

  @Test
  void weightsPassSubtensorsChecksAndAreScaledToTheLargest() {
    Outcome accepted = WeightsCheck.check(0, true, Optional.of(0L), 200, 4, DEFAULTS, List.of(1L, 2L),
        List.of(10L, 20L));
    assertEquals(new Outcome.Accepted(List.of(new Weight(1, 32_767), new Weight(2, 65_535))), accepted);
    assertRefused("3 UIDs but 2 values",
        WeightsCheck.check(0, true, Optional.empty(), 200, 4, DEFAULTS, List.of(1L, 2L, 3L), List.of(1L, 2L)));
    assertRefused("UID 0 has no validator permit: without one, a UID may set a weight on itself only",
        WeightsCheck.check(0, false, Optional.empty(), 200, 4, DEFAULTS, List.of(1L), List.of(1L)));
    assertInstanceOf(Outcome.Accepted.class,
        WeightsCheck.check(0, false, Optional.empty(), 200, 4, DEFAULTS, List.of(0L), List.of(1L)));
    assertRefused("weights were set in block 150; the subnet allows it every 100 blocks",
        WeightsCheck.check(0, true, Optional.of(150L), 200, 4, DEFAULTS, List.of(1L), List.of(1L)));
    assertRefused("UID 1 appears twice",
        WeightsCheck.check(0, true, Optional.empty(), 200, 4, DEFAULTS, List.of(1L, 1L), List.of(1L, 2L)));
    assertRefused("UID 4 does not exist (the subnet has 4)",
        WeightsCheck.check(0, true, Optional.empty(), 200, 4, DEFAULTS, List.of(4L), List.of(1L)));
    assertRefused("weight 65536 is not a u16",
        WeightsCheck.check(0, true, Optional.empty(), 200, 4, DEFAULTS, List.of(1L), List.of(65_536L)));
    SubnetHyperparameters threeAtLeast = new SubnetHyperparameters(360, 256, 64, 4_096, 5_000, 100, 3, 32_767,
        900_000, false, 1);
    assertRefused("2 weights; the subnet requires at least 3",
        WeightsCheck.check(0, true, Optional.empty(), 200, 8, threeAtLeast, List.of(1L, 2L), List.of(1L, 2L)));
  }

  @Test
  void epochsAreStaggeredByNetuidAndRevealsOpenOnlyInTheirWindow() {
    // Tempo 9: an epoch every 10 blocks; subnet 0 at the end of blocks 8, 18, ...; subnet 3 of blocks 5, 15, ...
    // As subtensor's blocks_until_next_epoch = tempo - (block + netuid + 1) % (tempo + 1) reaching 0.
    assertTrue(Tempo.runsEpoch(0, 9, 8));
    assertFalse(Tempo.runsEpoch(0, 9, 9));
    assertTrue(Tempo.runsEpoch(0, 9, 18));
    assertTrue(Tempo.runsEpoch(3, 9, 15));
    assertFalse(Tempo.runsEpoch(3, 9, 16));
    assertEquals(8, Tempo.nextEpochBlock(0, 9, 0));
    assertEquals(18, Tempo.nextEpochBlock(0, 9, 8), "after the block that ran one, a whole tempo later");
    assertEquals(15, Tempo.nextEpochBlock(3, 9, 6));
    for (int block = 0; block < 40; block++) {
      long next = Tempo.nextEpochBlock(3, 9, block);
      assertTrue(next > block && Tempo.runsEpoch(3, 9, next), "block " + block + ": " + next);
      for (long between = block + 1; between < next; between++) {
        assertFalse(Tempo.runsEpoch(3, 9, between), "block " + block + ": none before " + next);
      }
    }
    assertEquals(1, Tempo.epochOf(0, 9, 9));
    assertEquals(0, Tempo.epochOf(0, 9, 8));
    // Committed in block 12 (epoch 1), period 1: revealable in blocks 19 to 28 (epoch 2), expired from 29.
    assertFalse(Tempo.isRevealWindow(0, 9, 1, 12, 18));
    assertTrue(Tempo.isRevealWindow(0, 9, 1, 12, 19));
    assertTrue(Tempo.isRevealWindow(0, 9, 1, 12, 28));
    assertFalse(Tempo.isRevealWindow(0, 9, 1, 12, 29));
    assertTrue(Tempo.isExpired(0, 9, 1, 12, 29));
    assertFalse(Tempo.isExpired(0, 9, 1, 12, 28));
  }

  private static SubnetHyperparameters withTempo(int tempo) {
    return new SubnetHyperparameters(tempo, 256, 64, 4_096, 5_000, 100, 1, 32_767, 900_000, false, 1);
  }

  private static void assertRefused(String reason, Outcome outcome) {
    assertEquals(new Outcome.Refused(reason), outcome);
  }
}
