package io.luxtensor.ai.yuma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Yuma against the figures of ../shared/spec/yuma.md, which come from subtensor's tests ({@code tests/math.rs},
 * {@code tests/epoch.rs::test_bonds}; opentensor/subtensor, Unlicense): agreement within one u16 unit, and for
 * emissions within one u16 unit of the epoch's emission, is the bar where rounding is the only difference.
 */
class YumaTest {
  private static final BigInteger EMISSION = BigInteger.valueOf(1_000_000_000);
  private static final YumaParameters DEFAULTS = new YumaParameters(YumaParameters.KAPPA_DEFAULT,
      YumaParameters.BONDS_PENALTY_DEFAULT, YumaParameters.BONDS_MOVING_AVERAGE_DEFAULT, 5_000, 8, BigInteger.ZERO);
  /** subtensor's test weights: u16::MAX/4, u16::MAX/2, (u16::MAX/4)*3, u16::MAX. */
  private static final int[] TEST_BONDS_WEIGHTS = {16_383, 32_767, 49_149, 65_535};
  private static final long EMISSION_TOLERANCE = EMISSION.longValueExact() / Fixed.U16_MAX;

  @Test
  void theWeightedMedianOfSubtensorsMathTest() {
    long[] stake = {0, fraction(75, 100), fraction(25, 100), 0};
    long[][] weights = {
        {0, fraction(1, 10), 0}, {0, fraction(2, 10), fraction(4, 10)},
        {0, fraction(3, 10), fraction(1, 10)}, {0, fraction(4, 10), fraction(5, 10)}};
    assertArrayEquals(new long[] {0, fraction(3, 10), fraction(4, 10)},
        Yuma.weightedMedianColumns(stake, weights, 3, fraction(24, 100)));
    assertArrayEquals(new long[] {0, fraction(2, 10), fraction(4, 10)},
        Yuma.weightedMedianColumns(stake, weights, 3, fraction(26, 100)));
    assertArrayEquals(new long[] {0, fraction(2, 10), fraction(1, 10)},
        Yuma.weightedMedianColumns(stake, weights, 3, fraction(76, 100)));
  }

  @Test
  void theBondsOfSubtensorsTestBondsOverThreeEpochs() {
    List<UidState> uids = new ArrayList<>();
    for (int uid = 0; uid < 8; uid++) {
      uids.add(new UidState(BigInteger.valueOf(uid < 4 ? uid + 1 : 0), uid < 4 ? 1 : 0, 0,
          uid < 4 ? minerWeights() : new int[0], new int[0]));
    }
    List<UidResult> first = Yuma.epoch(DEFAULTS, uids, 1, 0, -1, EMISSION);
    assertColumn(first, 4, 16_383, 32_767, 49_151, 65_535);
    assertEmissions(first, 49_999_998, 99_999_999, 150_000_000, 200_000_001, 49_998_779, 100_000_610, 149_996_337,
        200_004_272);
    for (int miner = 4; miner < 8; miner++) {
      assertWithinOne(TEST_BONDS_WEIGHTS[miner - 4] * 65_535L / 163_834, first.get(miner).consensus(), "consensus");
      assertWithinOne(TEST_BONDS_WEIGHTS[miner - 4] * 65_535L / 163_834, first.get(miner).incentive(), "incentive");
      assertWithinOne(65_535, first.get(miner).trust(), "trust");
    }
    for (int validator = 0; validator < 4; validator++) {
      assertWithinOne((validator + 1) * 65_535L / 10, first.get(validator).dividends(), "dividends");
      assertWithinOne(65_535, first.get(validator).validatorTrust(), "validator trust");
      assertTrue(first.get(validator).validatorPermit());
    }

    // Validator 0 sets only a weight on itself, which is masked: an empty row. Emissions from subtensor's trace.
    List<UidState> second = withSelfWeightOnly(carryBonds(uids, first), 0, 2);
    List<UidResult> secondResults = Yuma.epoch(DEFAULTS, second, 2, 1, -1, EMISSION);
    assertColumn(secondResults, 4, 14_582, 32_767, 49_151, 65_535);
    assertEmissions(secondResults, 44_998_351, 101_110_561, 151_667_215, 202_223_870, 49_998_779, 100_000_610,
        149_996_337, 200_004_272);

    // Then validator 1 too.
    List<UidResult> thirdResults = Yuma.epoch(DEFAULTS, withSelfWeightOnly(carryBonds(second, secondResults), 1, 3),
        3, 2, -1, EMISSION);
    assertColumn(thirdResults, 4, 12_603, 28_321, 49_151, 65_535);
    assertEmissions(thirdResults, 40_496_805, 90_999_783, 157_929_636, 210_573_773, 49_998_779, 100_000_610,
        149_996_337, 200_004_272);
  }

  @Test
  void anInactiveValidatorsWeightsCountForNothing() {
    // Two validators of equal stake; validator 1 last set weights 101 blocks ago with a cutoff of 100.
    YumaParameters parameters = withCutoffAndValidators(100, 8);
    List<UidState> uids = List.of(
        new UidState(BigInteger.TEN, 200, 0, row(4, 2, 65_535), new int[0]),
        new UidState(BigInteger.TEN, 99, 0, row(4, 3, 65_535), new int[0]),
        miner(), miner());
    List<UidResult> results = Yuma.epoch(parameters, uids, 200, 100, -1, EMISSION);
    assertEquals(65_535, results.get(2).incentive());
    assertEquals(0, results.get(3).incentive(), "the inactive validator's miner");
    assertEquals(BigInteger.ZERO, results.get(1).emission(), "no dividends without active stake");
  }

  @Test
  void weightsSetBeforeAMinersRegistrationCountForNothing() {
    // The validator set its weights at block 50; UID 2's current occupant registered at block 60.
    List<UidState> uids = List.of(
        new UidState(BigInteger.TEN, 50, 0, new int[] {0, 65_535, 65_535}, new int[0]),
        new UidState(BigInteger.ZERO, 0, 0, new int[0], new int[0]),
        new UidState(BigInteger.ZERO, 0, 60, new int[0], new int[0]));
    List<UidResult> results = Yuma.epoch(DEFAULTS, uids, 100, 0, -1, EMISSION);
    assertEquals(65_535, results.get(1).incentive());
    assertEquals(0, results.get(2).incentive());
  }

  @Test
  void bondsToARecentlyRegisteredUidAreForgotten() {
    // The validator held bonds to UID 2 from its previous occupant, which registered again after the last epoch.
    int[] bonds = {0, 65_535, 65_535};
    List<UidState> uids = List.of(
        new UidState(BigInteger.TEN, 100, 0, new int[] {0, 65_535, 0}, bonds),
        new UidState(BigInteger.ZERO, 0, 0, new int[0], new int[0]),
        new UidState(BigInteger.ZERO, 0, 95, new int[0], new int[0]));
    List<UidResult> results = Yuma.epoch(DEFAULTS, uids, 100, 90, -1, EMISSION);
    assertArrayEquals(new int[] {0, 65_535, 0}, results.get(0).bonds());

    List<UidResult> notRecent = Yuma.epoch(DEFAULTS, uids, 100, 99, -1, EMISSION);
    assertEquals(65_535, notRecent.get(0).bonds()[2], "registered before the last epoch: the bond decays, stays max");
  }

  @Test
  void permitsGoToTheMostStakeAndTiesToTheHigherUid() {
    YumaParameters oneValidator = withCutoffAndValidators(5_000, 1);
    List<UidState> uids = List.of(
        new UidState(BigInteger.valueOf(5), 10, 0, row(4, 2, 65_535), new int[] {0, 0, 65_535, 0}),
        new UidState(BigInteger.valueOf(7), 10, 0, row(4, 3, 65_535), new int[0]),
        miner(), miner());
    List<UidResult> results = Yuma.epoch(oneValidator, uids, 20, 10, -1, EMISSION);
    assertFalse(results.get(0).validatorPermit());
    assertTrue(results.get(1).validatorPermit());
    assertEquals(0, results.get(2).incentive(), "weights without a permit count for nothing");
    assertEquals(65_535, results.get(3).incentive());
    assertArrayEquals(new int[0], results.get(0).bonds(), "a UID without a permit keeps no bonds");

    assertArrayEquals(new boolean[] {false, true, false}, Yuma.topK(new long[] {3, 3, 0}, 1));
    assertArrayEquals(new boolean[] {true, true, false}, Yuma.topK(new long[] {3, 3, 0}, 3),
        "no permit without stake");
  }

  @Test
  void aSelfWeightCountsOnlyForTheSubnetOwner() {
    List<UidState> uids = List.of(
        new UidState(BigInteger.TEN, 10, 0, new int[] {65_535, 65_535}, new int[0]),
        new UidState(BigInteger.ZERO, 0, 0, new int[0], new int[0]));
    assertEquals(65_535, Yuma.epoch(DEFAULTS, uids, 20, 10, -1, EMISSION).get(1).incentive());
    List<UidResult> owner = Yuma.epoch(DEFAULTS, uids, 20, 10, 0, EMISSION);
    assertWithinOne(32_767, owner.get(0).incentive(), "the owner's weight on itself");
    assertWithinOne(32_767, owner.get(1).incentive(), "incentive");
  }

  @Test
  void withoutConsensusValidatorsEarnByStakeAndMinersNothing() {
    List<UidState> uids = List.of(
        new UidState(BigInteger.ONE, 10, 0, new int[0], new int[0]),
        new UidState(BigInteger.valueOf(3), 10, 0, new int[0], new int[0]),
        miner());
    List<UidResult> results = Yuma.epoch(DEFAULTS, uids, 20, 10, -1, EMISSION);
    assertWithinOne(250_000_000, results.get(0).emission().longValueExact(), "the validator with a quarter");
    assertWithinOne(750_000_000, results.get(1).emission().longValueExact(), "the validator with three quarters");
    assertEquals(BigInteger.ZERO, results.get(2).emission());
  }

  @Test
  void withoutAMovingAverageBondsAreTheNewestShares() {
    YumaParameters noAverage = new YumaParameters(YumaParameters.KAPPA_DEFAULT, YumaParameters.BONDS_PENALTY_DEFAULT,
        0, 5_000, 8, BigInteger.ZERO);
    List<UidState> uids = List.of(
        new UidState(BigInteger.ONE, 10, 0, new int[] {0, 0, 65_535}, new int[] {0, 0, 65_535}),
        new UidState(BigInteger.valueOf(3), 10, 0, new int[] {0, 0, 65_535}, new int[0]),
        miner());
    List<UidResult> results = Yuma.epoch(noAverage, uids, 20, 10, -1, EMISSION);
    assertWithinOne(21_845, results.get(0).bonds()[2], "a quarter of the stake: a third of the column's largest");
    assertEquals(65_535, results.get(1).bonds()[2]);
  }

  @Test
  void fixedPointRoundsDownAndNormalizesToOne() {
    assertEquals(Fixed.ONE / 2, Fixed.mul(Fixed.ONE, Fixed.ONE / 2));
    assertEquals(Fixed.ONE * 3 / 4, Fixed.div(3, 4));
    assertEquals(fraction(1, 3), Fixed.div(Fixed.ONE, 3 * Fixed.ONE));
    assertEquals(65_535, Fixed.toU16(Fixed.fromU16(65_535)));
    assertEquals(0, Fixed.toU16(0));
    for (int value = 0; value <= 65_535; value += 97) {
      int back = Fixed.toU16(Fixed.fromU16(value));
      assertTrue(back == value || back == value - 1, value + " came back as " + back + ": both steps round down");
    }
    long[] normalized = Fixed.normalize(new long[] {1, 1, 1});
    long sum = Fixed.sum(normalized);
    assertTrue(sum <= Fixed.ONE && sum >= Fixed.ONE - 3, "sum " + sum);
    assertArrayEquals(new long[] {0, 0}, Fixed.normalize(new long[] {0, 0}));
    assertEquals(BigInteger.valueOf(250), Fixed.share(BigInteger.valueOf(1_000), Fixed.ONE / 4));
    BigInteger large = BigInteger.TEN.pow(30);
    assertEquals(Fixed.ONE / 3, Fixed.ratio(large, large.multiply(BigInteger.valueOf(3))));
  }

  private static long fraction(long numerator, long denominator) {
    return Fixed.div(numerator, denominator);
  }

  private static int[] minerWeights() {
    int[] row = new int[8];
    System.arraycopy(TEST_BONDS_WEIGHTS, 0, row, 4, 4);
    return row;
  }

  private static int[] selfWeight(int uid) {
    int[] row = new int[8];
    row[uid] = 65_535;
    return row;
  }

  private static int[] row(int n, int uid, int value) {
    int[] row = new int[n];
    row[uid] = value;
    return row;
  }

  private static UidState miner() {
    return new UidState(BigInteger.ZERO, 0, 0, new int[0], new int[0]);
  }

  private static YumaParameters withCutoffAndValidators(long cutoff, int validators) {
    return new YumaParameters(YumaParameters.KAPPA_DEFAULT, YumaParameters.BONDS_PENALTY_DEFAULT,
        YumaParameters.BONDS_MOVING_AVERAGE_DEFAULT, cutoff, validators, BigInteger.ZERO);
  }

  /** {@code uids} with UID {@code uid} having set a weight on itself only, in {@code block}. */
  private static List<UidState> withSelfWeightOnly(List<UidState> uids, int uid, long block) {
    UidState setter = uids.get(uid);
    uids.set(uid, new UidState(setter.stake(), block, setter.registeredAt(), selfWeight(uid), setter.bonds()));
    return uids;
  }

  /** The UIDs of the next epoch: the same, holding the bonds {@code results} stored. */
  private static List<UidState> carryBonds(List<UidState> uids, List<UidResult> results) {
    List<UidState> next = new ArrayList<>();
    for (int i = 0; i < uids.size(); i++) {
      UidState uid = uids.get(i);
      next.add(new UidState(uid.stake(), uid.lastUpdate(), uid.registeredAt(), uid.weights(), results.get(i).bonds()));
    }
    return next;
  }

  private static void assertColumn(List<UidResult> results, int column, int... expected) {
    int[] actual = IntStream.range(0, expected.length).map(i -> results.get(i).bonds()[column]).toArray();
    for (int i = 0; i < expected.length; i++) {
      assertWithinOne(expected[i], actual[i], "bonds of UID " + i + " to UID " + column + ": "
          + java.util.Arrays.toString(actual));
    }
  }

  private static void assertEmissions(List<UidResult> results, long... expected) {
    for (int i = 0; i < expected.length; i++) {
      long actual = results.get(i).emission().longValueExact();
      assertTrue(Math.abs(actual - expected[i]) <= EMISSION_TOLERANCE,
          "emission of UID " + i + ": " + actual + ", subtensor " + expected[i]);
    }
  }

  private static void assertWithinOne(long expected, long actual, String what) {
    assertTrue(Math.abs(expected - actual) <= 1, what + ": " + actual + ", expected " + expected + " ± 1");
  }
}
