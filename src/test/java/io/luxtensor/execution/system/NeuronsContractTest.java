package io.luxtensor.execution.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Neurons registered by burning, replaced when their subnet is full, serving their axon: through transactions. */
class NeuronsContractTest {
  private static final BigInteger BASE_FEE = BigInteger.valueOf(1_000_000_000L);
  private static final List<AbiType> REGISTER = List.of(AbiType.UINT16, AbiType.ADDRESS);
  private final TestData data = new TestData(41);
  private final TransactionProcessor processor = new TransactionProcessor(
      new SystemContracts(List.of(new SubnetRegistryContract(), new NeuronsContract())));
  private final WorldState state = WorldState.at(new InMemoryNodeStore(), Account.EMPTY_STORAGE_ROOT);
  private final ContractCaller coldkey = new ContractCaller(state, data.key());
  private final ContractCaller other = new ContractCaller(state, data.key());

  NeuronsContractTest() {
    state.setAccount(coldkey.sender(), Account.EMPTY.withBalance(Wei.ofLux("1000")));
    state.setAccount(other.sender(), Account.EMPTY.withBalance(Wei.ofLux("1000")));
  }

  @Test
  void aColdkeyRegistersAHotkeyByBurningAndTheRestComesBack() {
    createSubnet(SubnetHyperparameters.DEFAULTS);
    Address hotkey = data.address();
    Wei before = state.balance(coldkey.sender());

    TransactionResult.Executed result = register(coldkey, 2, hotkey, Wei.ofLux("5"));

    assertTrue(result.succeeded(), result.revertReason());
    assertEquals(List.of(BigInteger.ZERO), Abi.decode(List.of(AbiType.UINT16), result.returnData()), "UID 0");
    assertEquals(Wei.ZERO, state.balance(NeuronsContract.ADDRESS), "the burn is gone, not held");
    BigInteger fee = result.effectiveGasPrice().multiply(BigInteger.valueOf(result.gasUsed()));
    assertEquals(before.value().subtract(Wei.ofLux("1").value()).subtract(fee), state.balance(coldkey.sender()).value(),
        "1 LUX burned, the other 4 returned");
    NeuronsContract.Neuron neuron = NeuronsContract.neurons(state, 0).getFirst();
    assertEquals(hotkey, neuron.hotkey());
    assertEquals(coldkey.sender(), neuron.coldkey());
    assertEquals(2, neuron.registeredAt());
    assertEquals(List.of(true, BigInteger.ZERO), view(3, "uidOf(uint16,address)", REGISTER,
        List.of(BigInteger.ZERO, hotkey), List.of(AbiType.BOOL, AbiType.UINT16)));
  }

  @Test
  void theBurnRisesWithDemandAndFallsBackWhenRegistrationsStop() {
    createSubnet(SubnetHyperparameters.DEFAULTS);
    for (int i = 0; i < 6; i++) {
      assertTrue(register(coldkey, 100 + i, data.address(), Wei.ofLux("5")).succeeded());
    }
    // Six registrations in interval 1 against a target of two: (6 + 2) / 4 = twice the burn from interval 2 on.
    assertEquals(Wei.ofLux("1").value(), burn(199));
    assertEquals(Wei.ofLux("2").value(), burn(200));
    // An interval without registrations halves it, never below the floor.
    assertEquals(Wei.ofLux("1").value(), burn(300));
    assertEquals(Wei.ofLux("0.1").value(), burn(10_000));
  }

  @Test
  void aFullSubnetGivesTheOldestLowestUidPastImmunityToTheNewcomer() {
    createSubnet(new SubnetHyperparameters(360, 2, 2, 50, 5_000, 100, 1, 32_767, 900_000, false, 1));
    Address first = data.address();
    Address second = data.address();
    assertTrue(register(coldkey, 2, first, Wei.ofLux("5")).succeeded());
    assertTrue(register(coldkey, 3, second, Wei.ofLux("5")).succeeded());

    assertReverts("subnet 0 is full and every UID is within its immunity period of 50 blocks",
        register(coldkey, 40, data.address(), Wei.ofLux("5")));
    Address newcomer = data.address();
    TransactionResult.Executed replaced = register(coldkey, 60, newcomer, Wei.ofLux("5"));
    assertTrue(replaced.succeeded(), replaced.revertReason());
    assertEquals(List.of(BigInteger.ZERO), Abi.decode(List.of(AbiType.UINT16), replaced.returnData()),
        "equal emissions: the earliest registration goes");
    assertEquals(List.of(newcomer, second), NeuronsContract.neurons(state, 0).stream()
        .map(NeuronsContract.Neuron::hotkey).toList());
    assertEquals(List.of(false, BigInteger.ZERO), view(61, "uidOf(uint16,address)", REGISTER,
        List.of(BigInteger.ZERO, first), List.of(AbiType.BOOL, AbiType.UINT16)), "the replaced hotkey is out");
  }

  @Test
  void everyRuleItBreaksRevertsWithTheRule() {
    Address hotkey = data.address();
    assertReverts("no subnet 0", register(coldkey, 1, hotkey, Wei.ofLux("5")));
    createSubnet(SubnetHyperparameters.DEFAULTS);
    assertReverts("registering on subnet 0 burns 1 LUX; the call sent 0.5 LUX",
        register(coldkey, 2, hotkey, Wei.ofLux("0.5")));
    assertTrue(register(coldkey, 2, hotkey, Wei.ofLux("1")).succeeded());
    assertReverts("already has a UID on subnet 0", register(coldkey, 3, hotkey, Wei.ofLux("5")));
    TransactionResult.Executed second = coldkey.call(processor, SubnetRegistryContract.ADDRESS, blockAt(20),
        "registerSubnet(string,uint256[])", Wei.ofLux("300"), List.of(AbiType.STRING, AbiType.UINT256_ARRAY),
        List.of("second", List.of()));
    assertTrue(second.succeeded(), second.revertReason());
    assertReverts("belongs to coldkey " + coldkey.sender().toChecksumHex(), other.call(processor,
        NeuronsContract.ADDRESS, blockAt(21), "burnedRegister(uint16,address)", Wei.ofLux("5"), REGISTER,
        List.of(BigInteger.ONE, hotkey)));
  }

  @Test
  void aHotkeyServesItsAxonAndOnlyItsOwn() {
    createSubnet(SubnetHyperparameters.DEFAULTS);
    ContractCaller hotkey = new ContractCaller(state, data.key());
    state.setAccount(hotkey.sender(), Account.EMPTY.withBalance(Wei.ofLux("1")));
    assertTrue(register(coldkey, 2, hotkey.sender(), Wei.ofLux("1")).succeeded());
    byte[] model = data.bytes(32);
    List<AbiType> serve = List.of(AbiType.UINT16, AbiType.STRING, AbiType.BYTES32);

    TransactionResult.Executed served = hotkey.call(processor, NeuronsContract.ADDRESS, blockAt(3),
        "serveAxon(uint16,string,bytes32)", Wei.ZERO, serve, List.of(BigInteger.ZERO, "https://miner.example:8091",
            model));

    assertTrue(served.succeeded(), served.revertReason());
    NeuronsContract.Neuron neuron = NeuronsContract.neurons(state, 0).getFirst();
    assertEquals("https://miner.example:8091", neuron.endpoint());
    assertArrayEquals(model, neuron.modelHash().toArray());
    assertReverts("has no UID on subnet 0", other.call(processor, NeuronsContract.ADDRESS, blockAt(3),
        "serveAxon(uint16,string,bytes32)", Wei.ZERO, serve, List.of(BigInteger.ZERO, "x", model)));
    assertReverts("an endpoint has at most 128 bytes, not 129", hotkey.call(processor, NeuronsContract.ADDRESS,
        blockAt(4), "serveAxon(uint16,string,bytes32)", Wei.ZERO, serve, List.of(BigInteger.ZERO, "x".repeat(129),
            model)));
  }

  private void createSubnet(SubnetHyperparameters hyperparameters) {
    TransactionResult.Executed created = coldkey.call(processor, SubnetRegistryContract.ADDRESS, blockAt(1),
        "registerSubnet(string,uint256[])", Wei.ofLux("100"), List.of(AbiType.STRING, AbiType.UINT256_ARRAY),
        List.of("net", SubnetRegistryContract.values(hyperparameters)));
    assertTrue(created.succeeded(), created.revertReason());
  }

  private TransactionResult.Executed register(ContractCaller caller, long block, Address hotkey, Wei value) {
    return caller.call(processor, NeuronsContract.ADDRESS, blockAt(block), "burnedRegister(uint16,address)", value,
        REGISTER, List.of(BigInteger.ZERO, hotkey));
  }

  private List<Object> view(long block, String signature, List<AbiType> types, List<Object> args,
      List<AbiType> outputs) {
    TransactionResult.Executed result = other.call(processor, NeuronsContract.ADDRESS, blockAt(block), signature,
        Wei.ZERO, types, args);
    assertTrue(result.succeeded(), result.revertReason());
    return Abi.decode(outputs, result.returnData());
  }

  private BigInteger burn(long block) {
    return (BigInteger) view(block, "burn(uint16)", List.of(AbiType.UINT16), List.of(BigInteger.ZERO),
        List.of(AbiType.UINT256)).getFirst();
  }

  private static BlockContext blockAt(long number) {
    return new BlockContext(TestData.CHAIN_ID, number, number, number, Address.ZERO, BASE_FEE, 30_000_000);
  }

  private static void assertReverts(String reason, TransactionResult.Executed result) {
    assertFalse(result.succeeded(), reason);
    assertTrue(result.revertReason().contains(reason), result.revertReason());
  }
}
