package io.luxtensor.execution.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.Ecvrf;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.BlockContext;
import io.luxtensor.execution.Message;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.state.Account;
import io.luxtensor.state.WorldState;
import io.luxtensor.testing.AbiCalls;
import io.luxtensor.testing.TestData;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.StakingRecord;
import io.luxtensor.types.StakingRecord.Status;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The staking contract through real transactions: stake moves in and out exactly, every refusal says why. */
class StakingContractTest {
  private static final BigInteger BASE_FEE = BigInteger.valueOf(1_000_000_000L);
  private final TestData data = new TestData(23);
  private final PrivateKey key = data.key();
  private final Address validator = Address.of(key.publicKey());
  private final byte[] vrfKey = Ecvrf.publicKey(data.bytes(32));
  private final BlockContext block = new BlockContext(TestData.CHAIN_ID, 1, 1, 1, data.address(), BASE_FEE, 30_000_000);
  private final TransactionProcessor processor =
      new TransactionProcessor(new SystemContracts(List.of(new StakingContract())));
  private final InMemoryNodeStore nodes = new InMemoryNodeStore();
  private final WorldState state = WorldState.at(nodes, Account.EMPTY_STORAGE_ROOT);
  private final ContractCaller caller = new ContractCaller(state, key);

  StakingContractTest() {
    state.setAccount(validator, Account.EMPTY.withBalance(Wei.ofLux("100")));
  }

  @Test
  void registeringHoldsTheStakeAndRecordsAPendingValidator() {
    TransactionResult.Executed result = call("registerValidator(bytes)", Wei.ofLux("32"), List.of(AbiType.BYTES),
        List.of(vrfKey));

    assertTrue(result.succeeded(), result.revertReason());
    assertEquals(Wei.ofLux("32"), state.balance(StakingContract.ADDRESS));
    assertEquals(List.of(new StakingRecord(validator, Wei.ofLux("32"), Bytes.of(vrfKey), 0, Status.PENDING, 0, 0)),
        StakingContract.registry(state::storage));
    assertEquals(Hash.wrap(Abi.eventTopic(StakingContract.REGISTERED_EVENT)), result.logs().get(0).topics().get(0));
    assertEquals(List.of(BigInteger.ONE), view("validatorCount()", List.of(), List.of(), List.of(AbiType.UINT256)));
    assertEquals(List.of(validator), view("validatorAt(uint256)", List.of(AbiType.UINT256), List.of(BigInteger.ZERO),
        List.of(AbiType.ADDRESS)));
    List<Object> fields = view("validator(address)", List.of(AbiType.ADDRESS), List.of(validator),
        List.of(AbiType.UINT256, AbiType.UINT64, AbiType.UINT64, AbiType.UINT64, AbiType.UINT64, AbiType.BYTES));
    assertEquals(Wei.ofLux("32").value(), fields.get(0));
    assertEquals(BigInteger.valueOf(Status.PENDING.ordinal()), fields.get(1));
    assertEquals(Bytes.of(vrfKey), Bytes.of((byte[]) fields.get(5)));
  }

  @Test
  void registrationsThatBreakARuleRevertWithTheRuleAndKeepTheValue() {
    assertReverts("a stake of at least 32 LUX is required",
        call("registerValidator(bytes)", Wei.ofLux("31.9"), List.of(AbiType.BYTES), List.of(vrfKey)));
    byte[] notOnCurve = vrfKey.clone();
    notOnCurve[0] = 0x04;
    assertReverts("vrfPublicKey is not a compressed P-256 point",
        call("registerValidator(bytes)", Wei.ofLux("32"), List.of(AbiType.BYTES), List.of(notOnCurve)));
    assertReverts("vrfPublicKey is not a compressed P-256 point",
        call("registerValidator(bytes)", Wei.ofLux("32"), List.of(AbiType.BYTES), List.of(new byte[32])));
    assertEquals(Wei.ZERO, state.balance(StakingContract.ADDRESS), "reverted stake went back");

    call("registerValidator(bytes)", Wei.ofLux("32"), List.of(AbiType.BYTES), List.of(vrfKey));
    assertReverts("is already registered",
        call("registerValidator(bytes)", Wei.ofLux("32"), List.of(AbiType.BYTES), List.of(vrfKey)));
    assertReverts("requestExit does not accept value", call("requestExit()", Wei.of(1), List.of(), List.of()));
  }

  @Test
  void addingStakeRaisesTheRecordedStake() {
    assertReverts("is not registered", call("addStake()", Wei.ofLux("1"), List.of(), List.of()));
    call("registerValidator(bytes)", Wei.ofLux("32"), List.of(AbiType.BYTES), List.of(vrfKey));
    assertReverts("addStake needs a value", call("addStake()", Wei.ZERO, List.of(), List.of()));

    TransactionResult.Executed added = call("addStake()", Wei.ofLux("8"), List.of(), List.of());

    assertTrue(added.succeeded(), added.revertReason());
    assertEquals(Wei.ofLux("40"), StakingContract.registry(state::storage).get(0).stake());
    assertEquals(Wei.ofLux("40"), state.balance(StakingContract.ADDRESS));
  }

  @Test
  void aPendingValidatorThatLeavesGetsItsWholeStakeBack() {
    call("registerValidator(bytes)", Wei.ofLux("32"), List.of(AbiType.BYTES), List.of(vrfKey));
    assertReverts("nothing to withdraw", call("withdraw()", Wei.ZERO, List.of(), List.of()));
    assertTrue(call("requestExit()", Wei.ZERO, List.of(), List.of()).succeeded());
    assertReverts("is already leaving", call("requestExit()", Wei.ZERO, List.of(), List.of()));
    Wei before = state.balance(validator);

    TransactionResult.Executed withdrawn = call("withdraw()", Wei.ZERO, List.of(), List.of());

    assertTrue(withdrawn.succeeded(), withdrawn.revertReason());
    BigInteger fee = withdrawn.effectiveGasPrice().multiply(BigInteger.valueOf(withdrawn.gasUsed()));
    assertEquals(before.value().add(Wei.ofLux("32").value()).subtract(fee), state.balance(validator).value());
    assertEquals(Wei.ZERO, state.balance(StakingContract.ADDRESS));
    assertEquals(Status.WITHDRAWN, StakingContract.registry(state::storage).get(0).status());
    assertReverts("nothing to withdraw", call("withdraw()", Wei.ZERO, List.of(), List.of()));
  }

  @Test
  void anActiveValidatorAsksToLeaveAndMustWaitForRotation() {
    StakingContract.registerAtGenesis(state, validator, Wei.ofLux("32"), Bytes.of(vrfKey));
    assertEquals(Status.ACTIVE, StakingContract.registry(state::storage).get(0).status());
    assertEquals(Wei.ofLux("32"), state.balance(StakingContract.ADDRESS), "genesis stake is minted into the contract");

    assertTrue(call("requestExit()", Wei.ZERO, List.of(), List.of()).succeeded());

    assertEquals(Status.EXIT_REQUESTED, StakingContract.registry(state::storage).get(0).status());
    assertReverts("nothing to withdraw", call("withdraw()", Wei.ZERO, List.of(), List.of()));
  }

  @Test
  void rotationsChangesAreStoredAndReadBack() {
    call("registerValidator(bytes)", Wei.ofLux("32"), List.of(AbiType.BYTES), List.of(vrfKey));
    StakingRecord scheduled = StakingContract.registry(state::storage).get(0).withStatus(Status.ACTIVE, 7, 0);
    StakingContract.update(state, List.of(scheduled));
    assertEquals(List.of(scheduled), StakingContract.registry(state::storage));

    StakingRecord slashed = scheduled.slashed(Wei.ofLux("28.8"), Long.MAX_VALUE);
    StakingContract.update(state, List.of(slashed));

    assertEquals(List.of(slashed), StakingContract.registry(state::storage), "the slashed flag and exit are kept");
  }

  @Test
  void theEpochOfTheLatestCarriedVoteIsStoredAndOnlyMovesForward() {
    StakingContract.registerAtGenesis(state, validator, Wei.ofLux("32"), Bytes.of(vrfKey));
    assertEquals(0, StakingContract.registry(state::storage).get(0).lastVoteEpoch(), "present at genesis");

    StakingContract.recordVote(state, validator, 5);
    StakingContract.recordVote(state, validator, 3);

    StakingRecord record = StakingContract.registry(state::storage).get(0);
    assertEquals(5, record.lastVoteEpoch(), "a late vote for an earlier epoch does not move it back");
    StakingContract.update(state, List.of(record.withStake(Wei.ofLux("31"))));
    assertEquals(record.withStake(Wei.ofLux("31")), StakingContract.registry(state::storage).get(0),
        "rewriting the record keeps it");

    Hash before = state.commit(nodes).stateRoot();
    StakingContract.recordVote(state, data.address(), 7);
    assertEquals(before, state.commit(nodes).stateRoot(), "a stranger's vote writes nothing");
  }

  @Test
  void theMinimumStakeIsTheChainsOwn() {
    TransactionProcessor sixtyFour =
        new TransactionProcessor(new SystemContracts(List.of(new StakingContract(Wei.ofLux("64")))));

    TransactionResult.Executed tooLittle = call(sixtyFour, "registerValidator(bytes)", Wei.ofLux("40"),
        List.of(AbiType.BYTES), List.of(vrfKey));
    TransactionResult.Executed minimum = call(sixtyFour, "minimumStake()", Wei.ZERO, List.of(), List.of());

    assertReverts("a stake of at least 64 LUX is required", tooLittle);
    assertEquals(List.of(Wei.ofLux("64").value()), Abi.decode(List.of(AbiType.UINT256), minimum.returnData()));
  }

  private void assertReverts(String reason, TransactionResult.Executed result) {
    assertFalse(result.succeeded(), reason);
    assertTrue(result.revertReason().contains(reason), result.revertReason());
  }

  private List<Object> view(String signature, List<AbiType> types, List<Object> args, List<AbiType> outputs) {
    TransactionResult.Executed result = call(signature, Wei.ZERO, types, args);
    assertTrue(result.succeeded(), result.revertReason());
    return Abi.decode(outputs, result.returnData());
  }

  private TransactionResult.Executed call(String signature, Wei value, List<AbiType> types, List<Object> args) {
    return call(processor, signature, value, types, args);
  }

  private TransactionResult.Executed call(TransactionProcessor processor, String signature, Wei value,
      List<AbiType> types, List<Object> args) {
    return caller.call(processor, StakingContract.ADDRESS, block, signature, value, types, args);
  }
}
