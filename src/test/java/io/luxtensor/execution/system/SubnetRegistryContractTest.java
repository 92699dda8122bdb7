package io.luxtensor.execution.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.ai.SubnetHyperparameters;
import io.luxtensor.execution.BlockContext;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.state.Account;
import io.luxtensor.state.WorldState;
import io.luxtensor.testing.TestData;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.Log;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subnets registered and tuned through signed transactions, as ethers or web3j would send them. */
class SubnetRegistryContractTest {
  private static final BigInteger BASE_FEE = BigInteger.valueOf(1_000_000_000L);
  private static final List<AbiType> REGISTER = List.of(AbiType.STRING, AbiType.UINT256_ARRAY);
  private static final List<AbiType> SET = List.of(AbiType.UINT16, AbiType.UINT256_ARRAY);
  private final TestData data = new TestData(31);
  private final TransactionProcessor processor =
      new TransactionProcessor(new SystemContracts(List.of(new SubnetRegistryContract())));
  private final WorldState state = WorldState.at(new InMemoryNodeStore(), Account.EMPTY_STORAGE_ROOT);
  private final ContractCaller owner = new ContractCaller(state, data.key());
  private final ContractCaller stranger = new ContractCaller(state, data.key());

  SubnetRegistryContractTest() {
    state.setAccount(owner.sender(), Account.EMPTY.withBalance(Wei.ofLux("1000")));
    state.setAccount(stranger.sender(), Account.EMPTY.withBalance(Wei.ofLux("1000")));
  }

  @Test
  void registeringLocksTheCostReturnsTheRestAndRecordsTheSubnet() {
    TransactionResult.Executed result = register(owner, 1, "vision", Wei.ofLux("150"), List.of());

    assertTrue(result.succeeded(), result.revertReason());
    assertEquals(List.of(BigInteger.ZERO), Abi.decode(List.of(AbiType.UINT16), result.returnData()), "netuid 0");
    assertEquals(Wei.ofLux("100"), state.balance(SubnetRegistryContract.ADDRESS), "the minimum lock, the rest back");
    assertEquals(List.of(new SubnetRegistryContract.Subnet(0, owner.sender(), "vision", Wei.ofLux("100"), 1,
        SubnetHyperparameters.DEFAULTS)), SubnetRegistryContract.subnets(state));
    Log registered = result.logs().getFirst();
    assertEquals(List.of(BigInteger.ZERO, "vision", Wei.ofLux("100").value()), Abi.decode(
        List.of(AbiType.UINT16, AbiType.STRING, AbiType.UINT256), registered.data().toArray()));
    assertEquals(List.of(owner.sender(), "vision", Wei.ofLux("100").value(), BigInteger.ONE),
        view(2, "subnet(uint16)", List.of(AbiType.UINT16), List.of(BigInteger.ZERO),
            List.of(AbiType.ADDRESS, AbiType.STRING, AbiType.UINT256, AbiType.UINT64)));
    assertEquals(List.of(SubnetRegistryContract.values(SubnetHyperparameters.DEFAULTS)),
        view(2, "hyperparameters(uint16)", List.of(AbiType.UINT16), List.of(BigInteger.ZERO),
            List.of(AbiType.UINT256_ARRAY)));
    assertEquals(List.of(BigInteger.ONE), view(2, "subnetCount()", List.of(), List.of(), List.of(AbiType.UINT256)));
  }

  @Test
  void theLockDoublesAfterARegistrationAndDecaysBackToTheMinimum() {
    assertTrue(register(owner, 1, "first", Wei.ofLux("100"), List.of()).succeeded());
    assertEquals(Wei.ofLux("200").value(), lockCost(1));
    // Half the decay period takes half the last lock off, by a per-block decay rounded down to the wei.
    assertEquals(new BigInteger("150000000000000003200"), lockCost(1 + 7_200));
    assertEquals(new BigInteger("100000000000000006400"), lockCost(1 + 14_400));
    assertEquals(Wei.ofLux("100").value(), lockCost(1 + 14_401), "never below the minimum");
    TransactionResult.Executed second = register(stranger, 11, "second", Wei.ofLux("300"), List.of());
    assertTrue(second.succeeded(), second.revertReason());
    assertEquals(new BigInteger("199930555555555555560"), SubnetRegistryContract.subnets(state).get(1).lock().value(),
        "10 blocks of decay off twice the last lock");
  }

  @Test
  void everyRuleItBreaksRevertsWithTheRuleAndKeepsTheValue() {
    assertReverts("a subnet name has 1 to 64 bytes, not 0", register(owner, 1, "", Wei.ofLux("100"), List.of()));
    assertReverts("a subnet name has 1 to 64 bytes, not 65",
        register(owner, 1, "x".repeat(65), Wei.ofLux("100"), List.of()));
    assertReverts("tempo must be from 1 to 65535, not 0",
        register(owner, 1, "net", Wei.ofLux("100"), SubnetRegistryContract.values(withTempo(0))));
    assertReverts("hyperparameters are 11 numbers", register(owner, 1, "net", Wei.ofLux("100"),
        List.of(BigInteger.ONE)));
    List<BigInteger> commitRevealTwo =
        new ArrayList<>(SubnetRegistryContract.values(SubnetHyperparameters.DEFAULTS));
    commitRevealTwo.set(9, BigInteger.TWO);
    assertReverts("commitReveal 0 or 1", register(owner, 1, "net", Wei.ofLux("100"), commitRevealTwo));
    assertReverts("registering a subnet locks 100 LUX; the call sent 99 LUX",
        register(owner, 1, "net", Wei.ofLux("99"), List.of()));
    assertEquals(Wei.ZERO, state.balance(SubnetRegistryContract.ADDRESS), "reverted calls keep nothing");
    assertEquals(List.of(), SubnetRegistryContract.subnets(state));

    assertTrue(register(owner, 1, "net", Wei.ofLux("100"), List.of()).succeeded());
    assertReverts("a subnet was registered in block 1; the chain allows one every 10 blocks",
        register(stranger, 5, "other", Wei.ofLux("300"), List.of()));
  }

  @Test
  void onlyTheOwnerSetsHyperparametersAndOnlyWithinTheirBounds() {
    assertTrue(register(owner, 1, "net", Wei.ofLux("100"), List.of()).succeeded());
    SubnetHyperparameters faster = withTempo(99);

    TransactionResult.Executed set = call(owner, 2, "setHyperparameters(uint16,uint256[])", SET,
        List.of(BigInteger.ZERO, SubnetRegistryContract.values(faster)));
    assertTrue(set.succeeded(), set.revertReason());
    assertEquals(faster, SubnetRegistryContract.read(state, 0).orElseThrow().hyperparameters());
    assertEquals(1, set.logs().size(), "HyperparametersSet");

    assertReverts("only subnet 0's owner " + owner.sender().toChecksumHex() + " may set its hyperparameters",
        call(stranger, 3, "setHyperparameters(uint16,uint256[])", SET,
            List.of(BigInteger.ZERO, SubnetRegistryContract.values(faster))));
    assertReverts("no subnet 7", call(owner, 3, "setHyperparameters(uint16,uint256[])", SET,
        List.of(BigInteger.valueOf(7), SubnetRegistryContract.values(faster))));
    SubnetHyperparameters tooManyValidators =
        new SubnetHyperparameters(360, 256, 300, 4_096, 5_000, 100, 1, 32_767, 900_000, false, 1);
    assertReverts("maxValidators must be from 1 to 256, not 300", call(owner, 3,
        "setHyperparameters(uint16,uint256[])", SET,
        List.of(BigInteger.ZERO, SubnetRegistryContract.values(tooManyValidators))));
    assertEquals(faster, SubnetRegistryContract.read(state, 0).orElseThrow().hyperparameters());
  }

  private TransactionResult.Executed register(ContractCaller caller, long block, String name, Wei value,
      List<BigInteger> hyperparameters) {
    return caller.call(processor, SubnetRegistryContract.ADDRESS, blockAt(block), "registerSubnet(string,uint256[])",
        value, REGISTER, List.of(name, hyperparameters));
  }

  private TransactionResult.Executed call(ContractCaller caller, long block, String signature, List<AbiType> types,
      List<Object> args) {
    return caller.call(processor, SubnetRegistryContract.ADDRESS, blockAt(block), signature, Wei.ZERO, types, args);
  }

  private List<Object> view(long block, String signature, List<AbiType> types, List<Object> args,
      List<AbiType> outputs) {
    TransactionResult.Executed result = call(stranger, block, signature, types, args);
    assertTrue(result.succeeded(), result.revertReason());
    return Abi.decode(outputs, result.returnData());
  }

  private BigInteger lockCost(long block) {
    return (BigInteger) view(block, "lockCost()", List.of(), List.of(), List.of(AbiType.UINT256)).getFirst();
  }

  private BlockContext blockAt(long number) {
    return new BlockContext(TestData.CHAIN_ID, number, number, number, Address.ZERO, BASE_FEE, 30_000_000);
  }

  private static SubnetHyperparameters withTempo(int tempo) {
    return new SubnetHyperparameters(tempo, 256, 64, 4_096, 5_000, 100, 1, 32_767, 900_000, false, 1);
  }

  private static void assertReverts(String reason, TransactionResult.Executed result) {
    assertFalse(result.succeeded(), reason);
    assertTrue(result.revertReason().contains(reason), result.revertReason());
  }
}
