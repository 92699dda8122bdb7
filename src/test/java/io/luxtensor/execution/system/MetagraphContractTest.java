package io.luxtensor.execution.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.ai.yuma.UidResult;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.state.Account;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Yuma run by the chain: subtensor's {@code test_bonds} (../shared/spec/yuma.md, example (b); opentensor/subtensor,
 * Unlicense) set up by signed transactions (a subnet, eight registered hotkeys, stake on four, weights) and run by
 * closing blocks across three tempos, its figures read back from the stored results; and what the emission pays.
 */
class MetagraphContractTest {
  private static final List<AbiType> WEIGHTS =
      List.of(AbiType.UINT16, AbiType.UINT16_ARRAY, AbiType.UINT16_ARRAY, AbiType.UINT64);
  /** Subtensor's tolerance for emissions: one u16 unit of the epoch's 10^9. */
  private static final long EMISSION_TOLERANCE = 1_000_000_000L / 65_535 + 1;
  /** Tempo 9: the epoch of subnet 0 closes blocks 8, 18, 28 and 38. */
  private static final List<Integer> HYPERPARAMETERS = List.of(9, 8, 4, 4_096, 5_000, 0, 1, 32_767, 900_000, 0, 1);

  private SubnetFixture chain;

  private void start(MetagraphContract.Rules rules) {
    chain = new SubnetFixture(71, rules, HYPERPARAMETERS, 8, List.of(1, 2, 3, 4));
  }

  @Test
  void testBondsThroughTransactionsAndBlocksMatchesSubtensor() {
    // 10^8 a block and no owner's cut: each tempo of ten blocks pays the example's 10^9.
    start(new MetagraphContract.Rules(Wei.of(BigInteger.valueOf(100_000_000)), 0));
    closeThrough(8);
    for (int uid = 0; uid < 8; uid++) {
      assertEquals(uid < 4, MetagraphContract.permit(chain.state, 0, uid), "the four staked UIDs hold permits");
    }
    for (int validator = 0; validator < 4; validator++) {
      setWeights(validator, List.of(4, 5, 6, 7), List.of(16_383, 32_767, 49_151, 65_535));
    }
    closeThrough(18);
    List<UidResult> first = results();
    assertColumn(first, 4, 16_383, 32_767, 49_151, 65_535);
    assertEmissions(first, 49_999_998, 99_999_999, 150_000_000, 200_000_001, 49_998_779, 100_000_610, 149_996_337,
        200_004_272);
    for (int miner = 4; miner < 8; miner++) {
      assertEquals(first.get(miner).minerEmission(), StakeContract.stake(chain.state, 0,
          chain.hotkeys.get(miner).sender(), chain.coldkey.sender()), "a miner's emission is its coldkey's stake");
    }

    setWeights(0, List.of(0), List.of(65_535));
    closeThrough(28);
    assertColumn(results(), 4, 14_582, 32_767, 49_151, 65_535);

    setWeights(1, List.of(1), List.of(65_535));
    closeThrough(38);
    assertColumn(results(), 4, 12_603, 28_321, 49_151, 65_535);
    assertEquals(38, MetagraphContract.lastEpoch(chain.state, 0));
  }

  /**
   * Example (a), subtensor's {@code test_math_weighted_median_col}: stake [0, .75, .25, 0] on UIDs 0-3, whose
   * rows of weights on UIDs 4-6 are [0, .2, .4] and [0, .3, .1] for the two with stake (the others have none and no
   * permit). Yuma normalizes each row, so UID 7 takes the rest of each row (.4 and .6) to keep those values. The
   * owner sets kappa .24, .26 and .76 in turn; each epoch's consensus of UIDs 4-6 is the example's.
   */
  @Test
  void weightedMedianExampleThroughTransactionsAtThreeKappas() {
    // A thousand wei a block: emission too small to move the stake shares the example fixes.
    chain = new SubnetFixture(73, new MetagraphContract.Rules(Wei.of(BigInteger.valueOf(1_000)), 0),
        HYPERPARAMETERS, 8, List.of(0, 3, 1, 0));
    closeThrough(8);
    setWeights(1, List.of(5, 6, 7), List.of(13_107, 26_214, 26_214));
    setWeights(2, List.of(5, 6, 7), List.of(19_661, 6_554, 39_321));
    long[][] expected = {{0, 19_661, 26_214}, {0, 13_107, 26_214}, {0, 13_107, 6_554}};
    int[] kappas = {15_728, 17_039, 49_807};
    for (int round = 0; round < 3; round++) {
      List<Integer> hyperparameters = new ArrayList<>(HYPERPARAMETERS);
      hyperparameters.set(7, kappas[round]);
      SubnetFixture.succeeds(chain.owner.call(chain.processor, SubnetRegistryContract.ADDRESS,
          chain.blockContext(), "setHyperparameters(uint16,uint256[])", Wei.ZERO,
          List.of(AbiType.UINT16, AbiType.UINT256_ARRAY), List.of(BigInteger.ZERO,
              SubnetFixture.numbers(hyperparameters))));
      closeThrough(18 + 10L * round);
      for (int miner = 4; miner < 7; miner++) {
        assertWithin(2, BigInteger.valueOf(expected[round][miner - 4]),
            BigInteger.valueOf(MetagraphContract.result(chain.state, 0, miner).consensus()),
            "consensus of UID " + miner + " at kappa " + kappas[round]);
      }
    }
  }

  @Test
  void theOwnerTakesItsCutAndEveryBlockIssuesTheBlockEmission() {
    start(MetagraphContract.Rules.DEFAULTS);
    Wei ownerBefore = chain.state.balance(chain.owner.sender());
    BigInteger stakedBefore = chain.state.balance(StakeContract.ADDRESS).value();
    closeThrough(8);
    BigInteger issued = Wei.ofLux("8").value();
    BigInteger cut = issued.multiply(BigInteger.valueOf(11_796)).divide(BigInteger.valueOf(65_535));
    assertEquals(ownerBefore.value().add(cut), chain.state.balance(chain.owner.sender()).value(), "18% to the owner");
    BigInteger paid = chain.state.balance(StakeContract.ADDRESS).value().subtract(stakedBefore);
    BigInteger rest = issued.subtract(cut);
    // Yuma's shares are 32-bit fractions: each of the eight UIDs' shares may round down by 2^-32 of the whole.
    assertTrue(paid.compareTo(rest) <= 0 && paid.compareTo(rest.subtract(rest.shiftRight(29))) >= 0,
        "the rest is staked, less rounding: " + paid + " of " + rest);
    assertEquals(BigInteger.ZERO, MetagraphContract.pendingEmission(chain.state, 0));
    closeThrough(11);
    assertEquals(Wei.ofLux("3").value(), MetagraphContract.pendingEmission(chain.state, 0), "three blocks accrued");
  }

  @Test
  void aValidatorsTakeGoesToItsColdkeyAndTheRestToEveryoneStakedOnIt() {
    start(new MetagraphContract.Rules(Wei.ofLux("1"), 0));
    ContractCaller delegator = new ContractCaller(chain.state, chain.data.key());
    chain.state.setAccount(delegator.sender(), Account.EMPTY.withBalance(Wei.ofLux("100")));
    Address validator = chain.hotkeys.get(3).sender();
    SubnetFixture.succeeds(delegator.call(chain.processor, StakeContract.ADDRESS, chain.blockContext(),
        "addStake(uint16,address)", Wei.ofLux("4"), SubnetFixture.NETUID_ADDRESS,
        List.of(BigInteger.ZERO, validator)));
    closeThrough(8);
    // No weights yet: no consensus, so the validators earn by active stake (validator 3 has 8 of 14 LUX).
    BigInteger earned = MetagraphContract.result(chain.state, 0, 3).validatorEmission();
    BigInteger take = earned.multiply(BigInteger.valueOf(StakeContract.TAKE_MAX))
        .divide(BigInteger.valueOf(65_535));
    BigInteger delegatorShare = earned.subtract(take).divide(BigInteger.TWO);
    assertTrue(earned.signum() > 0);
    assertWithin(2, Wei.ofLux("4").value().add(delegatorShare),
        StakeContract.stake(chain.state, 0, validator, delegator.sender()), "half the rest to the delegator");
    assertWithin(2, Wei.ofLux("4").value().add(delegatorShare).add(take),
        StakeContract.stake(chain.state, 0, validator, chain.coldkey.sender()),
        "the take and half the rest to the owner");
  }

  @Test
  void aReplacedUidStartsWithoutTheWeightsAndResultsOfTheOneBefore() {
    start(new MetagraphContract.Rules(Wei.ofLux("1"), 0));
    closeThrough(8);
    setWeights(0, List.of(4, 5), List.of(1, 1));
    closeThrough(18);
    assertTrue(MetagraphContract.emission(chain.state, 0, 0).signum() > 0);
    assertFalse(WeightsContract.row(chain.state, 0, 0).weights().isEmpty());
    WeightsContract.clearUid(chain.state, 0, 0);
    MetagraphContract.clearUid(chain.state, 0, 0);
    assertEquals(BigInteger.ZERO, MetagraphContract.emission(chain.state, 0, 0));
    assertEquals(0, MetagraphContract.result(chain.state, 0, 0).bonds().length);
    assertTrue(WeightsContract.row(chain.state, 0, 0).weights().isEmpty());
    assertTrue(WeightsContract.row(chain.state, 0, 0).setAt().isEmpty());
  }

  private void setWeights(int validator, List<Integer> uids, List<Integer> values) {
    SubnetFixture.succeeds(chain.weightsCall(validator, "setWeights(uint16,uint16[],uint16[],uint64)", WEIGHTS,
        List.of(BigInteger.ZERO, SubnetFixture.numbers(uids), SubnetFixture.numbers(values), BigInteger.ZERO)));
  }

  private void closeThrough(long last) {
    chain.closeThrough(last);
  }

  private List<UidResult> results() {
    List<UidResult> results = new ArrayList<>();
    for (int uid = 0; uid < 8; uid++) {
      results.add(MetagraphContract.result(chain.state, 0, uid));
    }
    return results;
  }

  private static void assertColumn(List<UidResult> results, int column, int... expected) {
    for (int i = 0; i < expected.length; i++) {
      assertWithin(1, BigInteger.valueOf(expected[i]), BigInteger.valueOf(results.get(i).bonds()[column]),
          "bonds of UID " + i + " to UID " + column);
    }
  }

  private static void assertEmissions(List<UidResult> results, long... expected) {
    for (int i = 0; i < expected.length; i++) {
      assertWithin(EMISSION_TOLERANCE, BigInteger.valueOf(expected[i]), results.get(i).emission(),
          "emission of UID " + i);
    }
  }

  private static void assertWithin(long tolerance, BigInteger expected, BigInteger actual, String what) {
    assertTrue(expected.subtract(actual).abs().compareTo(BigInteger.valueOf(tolerance)) <= 0,
        what + ": " + actual + ", expected " + expected + " ± " + tolerance);
  }

}
