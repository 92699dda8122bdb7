package io.luxtensor.execution.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.execution.BlockContext;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.state.Account;
import io.luxtensor.state.WorldState;
import io.luxtensor.testing.TestData;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stake added, delegated and removed per subnet and hotkey, and the take a hotkey's owner sets. */
class StakeContractTest {
  private static final BigInteger BASE_FEE = BigInteger.valueOf(1_000_000_000L);
  private static final List<AbiType> STAKE = List.of(AbiType.UINT16, AbiType.ADDRESS);
  private static final List<AbiType> REMOVE = List.of(AbiType.UINT16, AbiType.ADDRESS, AbiType.UINT256);
  private static final List<AbiType> TAKE = List.of(AbiType.ADDRESS, AbiType.UINT16);
  private final TestData data = new TestData(53);
  private final TransactionProcessor processor = new TransactionProcessor(new SystemContracts(List.of(
      new SubnetRegistryContract(), new NeuronsContract(), new StakeContract())));
  private final WorldState state = WorldState.at(new InMemoryNodeStore(), Account.EMPTY_STORAGE_ROOT);
  private final ContractCaller owner = new ContractCaller(state, data.key());
  private final ContractCaller delegator = new ContractCaller(state, data.key());
  private final Address hotkey = data.address();

  StakeContractTest() {
    state.setAccount(owner.sender(), Account.EMPTY.withBalance(Wei.ofLux("1000")));
    state.setAccount(delegator.sender(), Account.EMPTY.withBalance(Wei.ofLux("1000")));
    assertTrue(owner.call(processor, SubnetRegistryContract.ADDRESS, blockAt(1), "registerSubnet(string,uint256[])",
        Wei.ofLux("100"), List.of(AbiType.STRING, AbiType.UINT256_ARRAY), List.of("net", List.of())).succeeded());
    assertTrue(owner.call(processor, NeuronsContract.ADDRESS, blockAt(2), "burnedRegister(uint16,address)",
        Wei.ofLux("1"), STAKE, List.of(BigInteger.ZERO, hotkey)).succeeded());
  }

  @Test
  void ownStakeAndDelegatedStakeAddUpOnTheHotkeyAndComeBackOnRemoval() {
    assertTrue(stake(owner, "10").succeeded());
    TransactionResult.Executed delegated = stake(delegator, "30");
    assertTrue(delegated.succeeded(), delegated.revertReason());
    assertEquals(Wei.ofLux("40").value(), StakeContract.totalStake(state, 0, hotkey));
    assertEquals(Wei.ofLux("40"), state.balance(StakeContract.ADDRESS), "the contract holds the stake");

    Wei before = state.balance(delegator.sender());
    TransactionResult.Executed removed = delegator.call(processor, StakeContract.ADDRESS, blockAt(4),
        "removeStake(uint16,address,uint256)", Wei.ZERO, REMOVE,
        List.of(BigInteger.ZERO, hotkey, Wei.ofLux("25").value()));
    assertTrue(removed.succeeded(), removed.revertReason());
    BigInteger fee = removed.effectiveGasPrice().multiply(BigInteger.valueOf(removed.gasUsed()));
    assertEquals(before.value().add(Wei.ofLux("25").value()).subtract(fee), state.balance(delegator.sender()).value());
    assertEquals(Wei.ofLux("15").value(), StakeContract.totalStake(state, 0, hotkey));
    assertEquals(2, removed.logs().getFirst().topics().size(), "StakeRemoved with the hotkey as topic");
  }

  @Test
  void emissionIntoThePoolGrowsEveryStakeInProportionAndLaterStakersBuyInAtThePoolsPrice() {
    assertTrue(stake(owner, "10").succeeded());
    assertTrue(stake(delegator, "30").succeeded());
    StakeContract.creditPool(state, 0, hotkey, Wei.ofLux("4").value());
    assertEquals(Wei.ofLux("11").value(), StakeContract.stake(state, 0, hotkey, owner.sender()));
    assertEquals(Wei.ofLux("33").value(), StakeContract.stake(state, 0, hotkey, delegator.sender()));
    assertEquals(Wei.ofLux("44"), state.balance(StakeContract.ADDRESS), "the emission is issued into the contract");

    ContractCaller late = new ContractCaller(state, data.key());
    state.setAccount(late.sender(), Account.EMPTY.withBalance(Wei.ofLux("100")));
    assertTrue(stake(late, "11").succeeded());
    assertEquals(Wei.ofLux("11").value(), StakeContract.stake(state, 0, hotkey, late.sender()),
        "a later stake earns nothing of the emission before it");
    for (ContractCaller staker : List.of(delegator, owner, late)) {
      BigInteger all = StakeContract.stake(state, 0, hotkey, staker.sender());
      TransactionResult.Executed removed = staker.call(processor, StakeContract.ADDRESS, blockAt(5),
          "removeStake(uint16,address,uint256)", Wei.ZERO, REMOVE, List.of(BigInteger.ZERO, hotkey, all));
      assertTrue(removed.succeeded(), removed.revertReason());
      assertEquals(BigInteger.ZERO, StakeContract.stake(state, 0, hotkey, staker.sender()));
    }
    assertEquals(BigInteger.ZERO, StakeContract.totalStake(state, 0, hotkey));
    assertEquals(Wei.ZERO, state.balance(StakeContract.ADDRESS), "every wei came back out");
  }

  @Test
  void aPoolNobodyStakedInPaysTheHotkeysColdkey() {
    StakeContract.creditPool(state, 0, hotkey, Wei.ofLux("2").value());
    assertEquals(Wei.ofLux("2").value(), StakeContract.stake(state, 0, hotkey, owner.sender()));
  }

  @Test
  void stakeNeedsARegisteredHotkeyAValueAndCannotBeOverdrawn() {
    assertReverts("has no UID on subnet 0", delegator.call(processor, StakeContract.ADDRESS, blockAt(3),
        "addStake(uint16,address)", Wei.ofLux("1"), STAKE, List.of(BigInteger.ZERO, data.address())));
    assertReverts("addStake needs a value", stake(delegator, "0"));
    assertTrue(stake(delegator, "5").succeeded());
    assertReverts("cannot remove 6 LUX: " + delegator.sender().toChecksumHex() + " has 5 LUX staked",
        delegator.call(processor, StakeContract.ADDRESS, blockAt(4), "removeStake(uint16,address,uint256)", Wei.ZERO,
            REMOVE, List.of(BigInteger.ZERO, hotkey, Wei.ofLux("6").value())));
    assertReverts("has 0 LUX staked", owner.call(processor, StakeContract.ADDRESS, blockAt(4),
        "removeStake(uint16,address,uint256)", Wei.ZERO, REMOVE, List.of(BigInteger.ZERO, hotkey, BigInteger.ONE)));
    assertEquals(Wei.ofLux("5").value(), StakeContract.totalStake(state, 0, hotkey));
  }

  @Test
  void theTakeDefaultsTo18PercentIsCappedAndRisesAtMostOncePerPeriod() {
    assertEquals(StakeContract.TAKE_MAX, StakeContract.take(state, hotkey));
    assertReverts("only the coldkey that registered hotkey", setTake(delegator, 10, 1_000));
    assertReverts("a take is at most 11796 (18%), not 11797", setTake(owner, 10, 11_797));
    assertTrue(setTake(owner, 10, 5_000).succeeded(), "lowering is always allowed");
    assertTrue(setTake(owner, 11, 6_000).succeeded(), "the first raise");
    assertReverts("the take was raised in block 11; it may rise once every 7200 blocks", setTake(owner, 12, 7_000));
    assertTrue(setTake(owner, 12, 4_000).succeeded(), "lowering again");
    assertTrue(setTake(owner, 11 + 7_200, 7_000).succeeded(), "a period later");
    assertEquals(7_000, StakeContract.take(state, hotkey));
  }

  private TransactionResult.Executed stake(ContractCaller caller, String lux) {
    return caller.call(processor, StakeContract.ADDRESS, blockAt(3), "addStake(uint16,address)", Wei.ofLux(lux),
        STAKE, List.of(BigInteger.ZERO, hotkey));
  }

  private TransactionResult.Executed setTake(ContractCaller caller, long block, int take) {
    return caller.call(processor, StakeContract.ADDRESS, blockAt(block), "setTake(address,uint16)", Wei.ZERO, TAKE,
        List.of(hotkey, BigInteger.valueOf(take)));
  }

  private static BlockContext blockAt(long number) {
    return new BlockContext(TestData.CHAIN_ID, number, number, number, Address.ZERO, BASE_FEE, 30_000_000);
  }

  private static void assertReverts(String reason, TransactionResult.Executed result) {
    assertFalse(result.succeeded(), reason);
    assertTrue(result.revertReason().contains(reason), result.revertReason());
  }
}
