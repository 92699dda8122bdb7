package io.luxtensor.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.consensus.InactivityParameters;
import io.luxtensor.consensus.RewardParameters;
import io.luxtensor.consensus.RotationParameters;
import io.luxtensor.consensus.SlashingParameters;
import io.luxtensor.consensus.StakingParameters;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.execution.BlockExecutor;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.system.ChainInfoContract;
import io.luxtensor.execution.system.StakingContract;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.state.WorldState;
import io.luxtensor.testing.AbiCalls;
import io.luxtensor.testing.TestData;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.StakingRecord;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The staking rules of a genesis at work on a staking chain: one validator runs a node, proposes and votes; the other
 * never shows up. The absent one keeps its stake through the genesis's grace, then loses exactly its share an epoch.
 */
class StakingScheduleTest {
  private static final int SLOTS_PER_EPOCH = 4;
  /** Two epochs of grace, then 1% an epoch; the rest default. */
  private static final StakingParameters STAKING = new StakingParameters(RotationParameters.DEFAULT,
      SlashingParameters.DEFAULT, RewardParameters.DEFAULT, new InactivityParameters(2, 100));
  private final TestData data = new TestData(67);
  private final ValidatorKeys present = ValidatorKeys.derivedFrom(data.key());
  private final ValidatorKeys absent = ValidatorKeys.derivedFrom(data.key());
  private final ChainParameters parameters =
      new ChainParameters(31337, 1_700_000_000_000L, 500, SLOTS_PER_EPOCH, BigInteger.ZERO, STAKING);
  private final InMemoryNodeStore nodes = new InMemoryNodeStore();
  private final NodeCore node = node();

  /**
   * Stake added in epoch 1 weighs from epoch 3 on: epoch 2's weights were fixed at the start of epoch 1, when its
   * RANDAO seed was, so a validator who knows the seed cannot add stake to steer who proposes in it.
   */
  @Test
  void addedStakeWeighsFromTheEpochAfterNext() {
    for (long slot = 1; slot < 3L * SLOTS_PER_EPOCH; slot++) {
      if (slot == SLOTS_PER_EPOCH + 1) {
        node.submit(addStake(present, Wei.ofLux("60")));
      }
      node.onSlotStart(slot);
      node.onVoteDue(slot, parameters.slotStartMillis(slot) + 100);
    }
    long lastOfEpoch1 = 2L * SLOTS_PER_EPOCH - 1;
    assertEquals(Wei.ofLux("180"), record(lastOfEpoch1, present).stake(), "the stake was added in epoch 1");
    assertEquals(Wei.ofLux("120"), weight(lastOfEpoch1, lastOfEpoch1), "epoch 1 weighs its start's stake");
    assertEquals(Wei.ofLux("120"), weight(lastOfEpoch1, lastOfEpoch1 + 1), "epoch 2 was fixed at epoch 1's start");
    long lastOfEpoch2 = 3L * SLOTS_PER_EPOCH - 1;
    assertEquals(Wei.ofLux("120"), weight(lastOfEpoch2, lastOfEpoch2));
    assertEquals(Wei.ofLux("180"), weight(lastOfEpoch2, lastOfEpoch2 + 1), "epoch 3 weighs epoch 2's start's stake");
  }

  /** The present validator's weight in {@code slot}'s epoch, as the node's head in {@code headSlot} fixes it. */
  private Wei weight(long headSlot, long slot) {
    BlockHeader head = node.header(node.head(headSlot)).orElseThrow();
    return new StakingSchedule(parameters, nodes).at(head, slot).find(present.address()).orElseThrow().stake();
  }

  private RecoveredTransaction addStake(ValidatorKeys from, Wei value) {
    Transaction tx = new DynamicFeeTransaction(parameters.chainId(), 0, BigInteger.ONE,
        BigInteger.valueOf(10_000_000_000L), 200_000, Optional.of(StakingContract.ADDRESS), value,
        Bytes.of(AbiCalls.calldata("addStake()", List.of(), List.of())), List.of(), null).sign(from.signingKey());
    return RecoveredTransaction.recover(tx);
  }

  @Test
  void anAbsentValidatorKeepsItsStakeThroughTheGraceThenLosesOnePercentAnEpoch() {
    List<Wei> absentStakeByEpoch = new ArrayList<>();
    List<Wei> presentStakeByEpoch = new ArrayList<>();
    for (long slot = 1; slot < 8L * SLOTS_PER_EPOCH; slot++) {
      node.onSlotStart(slot);
      node.onVoteDue(slot, parameters.slotStartMillis(slot) + 100);
      if (slot % SLOTS_PER_EPOCH == SLOTS_PER_EPOCH - 1) {
        assertEquals(slot / SLOTS_PER_EPOCH, parameters.epochOf(node.header(node.head(slot)).orElseThrow().slot()),
            "the present validator proposed in epoch " + slot / SLOTS_PER_EPOCH);
        absentStakeByEpoch.add(record(slot, absent).stake());
        presentStakeByEpoch.add(record(slot, present).stake());
      }
    }

    // Absent in epochs 1 and 2 (present at genesis, epoch 0): within the grace. From the start of epoch 4 on, when
    // epochs 1 to 3 have passed without it, it pays 1% of its stake at each epoch boundary.
    assertEquals(List.of(Wei.ofLux("40"), Wei.ofLux("40"), Wei.ofLux("40"), Wei.ofLux("40"), Wei.ofLux("39.6"),
        Wei.ofLux("39.204"), Wei.ofLux("38.81196"), Wei.ofLux("38.4238404")), absentStakeByEpoch);
    assertEquals(List.of(Wei.ofLux("120")), presentStakeByEpoch.stream().distinct().toList(),
        "the validator whose votes the chain carries pays nothing");
    long last = 8L * SLOTS_PER_EPOCH - 1;
    assertEquals(0, record(last, absent).lastVoteEpoch());
    assertTrue(record(last, present).lastVoteEpoch() >= 6, record(last, present).toString());
    WorldState head = node.headState(last);
    assertEquals(Wei.ofLux("158.4238404"), head.balance(StakingContract.ADDRESS),
        "the contract holds the stakes: the penalties were burned, not paid to anyone");
  }

  private StakingRecord record(long slot, ValidatorKeys validator) {
    return StakingContract.registry(node.headState(slot)::storage).stream()
        .filter(r -> r.address().equals(validator.address())).findFirst().orElseThrow();
  }

  private NodeCore node() {
    GenesisSpec spec = new GenesisSpec(parameters, 30_000_000, BigInteger.valueOf(1_000_000_000L), Bytes.EMPTY,
        new TreeMap<>(Map.of(present.address(),
            new GenesisSpec.GenesisAccount(Wei.ofLux("100"), 0, new TreeMap<>()))), List.of(new Validator(present.address(), Wei.ofLux("120"), present.vrfPublicKey()),
            new Validator(absent.address(), Wei.ofLux("40"), absent.vrfPublicKey())));
    Genesis.GenesisBlock genesis = Genesis.createWithStaking(spec, nodes);
    return new NodeCore(genesis, parameters, new StakingSchedule(parameters, nodes), List.of(present),
        new BlockExecutor(new TransactionProcessor(new SystemContracts(List.of(new ChainInfoContract(),
            new StakingContract(STAKING.rotation().minimumStake()))))), nodes, Map.of());
  }
}
