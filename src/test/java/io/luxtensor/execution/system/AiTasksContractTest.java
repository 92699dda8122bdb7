package io.luxtensor.execution.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.ai.TaskSettlement;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AI tasks through signed transactions on a subnet of four permitted validators (UIDs 0-3, 5 to 2 LUX of stake) and
 * two miners (UIDs 4 and 5): the fee split by stake-weighted median scores, a task nobody answered refunded, disputes
 * upheld and rejected with the loser slashed, and every refusal with its reason.
 */
class AiTasksContractTest {
  private static final List<Integer> HYPERPARAMETERS = List.of(9, 8, 4, 4_096, 5_000, 0, 1, 32_767, 900_000, 0, 1);
  private static final List<AbiType> SUBMIT =
      List.of(AbiType.UINT16, AbiType.BYTES32, AbiType.BYTES32, AbiType.STRING, AbiType.UINT64);
  private static final List<AbiType> COMMITTED =
      List.of(AbiType.ADDRESS, AbiType.UINT256, AbiType.BYTES32, AbiType.STRING, AbiType.BYTES32);
  private static final byte[] MODEL = Hash.keccak(new byte[] {1}).toBytes();
  private static final byte[] INPUT = Hash.keccak(new byte[] {2}).toBytes();
  private static final byte[] SALT = Hash.keccak(new byte[] {3}).toBytes();
  /** The deadline of the tasks submitted in block 9; reveals 13-22, scores 13-32, disputes 33-42, votes 33-52. */
  private static final long DEADLINE = 12;

  private final SubnetFixture chain = new SubnetFixture(91, MetagraphContract.Rules.DEFAULTS, HYPERPARAMETERS, 6,
      List.of(5, 4, 3, 2, 1));

  AiTasksContractTest() {
    chain.closeThrough(8);
    for (int uid = 0; uid < 6; uid++) {
      assertEquals(uid < 4, MetagraphContract.permit(chain.state, 0, uid), "permits of UID " + uid);
    }
  }

  @Test
  void theFeePaysMinersByStakeWeightedMedianScoreAndTheScorersByStake() {
    BigInteger id = submit("10");
    answer(id, 4, "ipfs://a");
    answer(id, 5, "ipfs://b");
    chain.closeThrough(DEADLINE);
    reveal(id, 4, "ipfs://a");
    reveal(id, 5, "ipfs://b");
    int[][] scores = {{60_000, 50_000, 10_000}, {20_000, 30_000, 65_535}};
    for (int validator = 0; validator < 3; validator++) {
      succeeds(score(validator, id, 4, scores[0][validator]));
      succeeds(score(validator, id, 5, scores[1][validator]));
    }
    chain.closeThrough(52);
    BigInteger[] stakes = new BigInteger[3];
    for (int validator = 0; validator < 3; validator++) {
      stakes[validator] = StakeContract.totalStake(chain.state, 0, chain.hotkeys.get(validator).sender());
    }
    Wei coldkeyBefore = chain.state.balance(chain.coldkey.sender());
    Wei ownerBefore = chain.state.balance(chain.owner.sender());
    succeeds(call(chain.hotkeys.get(3), "finalizeTask(uint256)", List.of(AbiType.UINT256), List.of(id)));

    // Stakes 5, 4, 3 LUX (plus their emission): half the stake is reached at 50000 and at 30000.
    List<AiTasksContract.MinerResult> results = AiTasksContract.results(chain.state, Hash.wrap(word(id)));
    assertEquals(List.of(50_000, 30_000), results.stream().map(AiTasksContract.MinerResult::median).toList());
    BigInteger minersPart = Wei.ofLux("9").value();
    assertEquals(Wei.ofLux("5.625").value(), results.get(0).payout().value(), "9 LUX x 50000 / 80000");
    assertEquals(Wei.ofLux("3.375").value(), results.get(1).payout().value());
    BigInteger stakeTotal = stakes[0].add(stakes[1]).add(stakes[2]);
    BigInteger validatorsPaid = BigInteger.ZERO;
    for (BigInteger stake : stakes) {
      validatorsPaid = validatorsPaid.add(Wei.ofLux("1").value().multiply(stake).divide(stakeTotal));
    }
    BigInteger paid = minersPart.add(validatorsPaid);
    assertEquals(coldkeyBefore.value().add(paid), chain.state.balance(chain.coldkey.sender()).value(),
        "miners and validators are paid to their coldkey");
    BigInteger refund = Wei.ofLux("10").value().subtract(paid);
    assertEquals(ownerBefore.value().add(refund), chain.state.balance(chain.owner.sender()).value(),
        "rounding's rest goes back to the requester");
    AiTasksContract.Task task = AiTasksContract.task(chain.state, Hash.wrap(word(id))).orElseThrow();
    assertEquals(AiTasksContract.Status.PAID, task.status());
    assertEquals(Wei.ZERO, chain.state.balance(AiTasksContract.ADDRESS), "nothing stays escrowed");
    assertReverts("the task was finalized already",
        call(chain.hotkeys.get(3), "finalizeTask(uint256)", List.of(AbiType.UINT256), List.of(id)));
  }

  @Test
  void aTaskNobodyAnsweredIsRefundedInFull() {
    BigInteger id = submit("7");
    chain.closeThrough(DEADLINE + 39);
    assertReverts("the task can be finalized from block 53",
        call(chain.hotkeys.get(3), "finalizeTask(uint256)", List.of(AbiType.UINT256), List.of(id)));
    chain.closeThrough(DEADLINE + 40);
    Wei before = chain.state.balance(chain.owner.sender());
    succeeds(call(chain.hotkeys.get(3), "finalizeTask(uint256)", List.of(AbiType.UINT256), List.of(id)));
    assertEquals(before.value().add(Wei.ofLux("7").value()), chain.state.balance(chain.owner.sender()).value());
    assertEquals(AiTasksContract.Status.REFUNDED,
        AiTasksContract.task(chain.state, Hash.wrap(word(id))).orElseThrow().status());
  }

  @Test
  void anUpheldDisputeVoidsTheResultAndSlashesTheMinerARejectedOneSlashesTheDisputer() {
    BigInteger id = submit("10");
    answer(id, 4, "ipfs://copied");
    answer(id, 5, "ipfs://fine");
    chain.closeThrough(DEADLINE);
    reveal(id, 4, "ipfs://copied");
    reveal(id, 5, "ipfs://fine");
    for (int validator = 0; validator < 3; validator++) {
      succeeds(score(validator, id, 4, 40_000));
      succeeds(score(validator, id, 5, 20_000));
    }
    chain.closeThrough(32);
    assertReverts("UID 9 revealed no result to this task", dispute(0, id, 9));
    succeeds(dispute(0, id, 4));
    succeeds(dispute(1, id, 5));
    assertReverts("the result of UID 4 is disputed already", dispute(2, id, 4));
    // Of UID 4's three voters (validators 1, 2 and 3), two uphold; of UID 5's (0, 2 and 3), one.
    succeeds(vote(1, id, 4, true));
    succeeds(vote(2, id, 4, true));
    assertReverts("the disputer and the miner do not vote on their dispute", vote(0, id, 4, true));
    assertReverts("voted on this dispute already", vote(1, id, 4, false));
    succeeds(vote(2, id, 5, true));
    succeeds(vote(3, id, 5, false));
    chain.closeThrough(52);
    BigInteger minerStake = StakeContract.totalStake(chain.state, 0, chain.hotkeys.get(4).sender());
    BigInteger disputerStake = StakeContract.totalStake(chain.state, 0, chain.hotkeys.get(1).sender());
    succeeds(call(chain.hotkeys.get(3), "finalizeTask(uint256)", List.of(AbiType.UINT256), List.of(id)));

    List<AiTasksContract.MinerResult> results = AiTasksContract.results(chain.state, Hash.wrap(word(id)));
    assertEquals(AiTasksContract.DisputeOutcome.UPHELD, results.get(0).dispute());
    assertEquals(AiTasksContract.DisputeOutcome.REJECTED, results.get(1).dispute());
    assertEquals(0, results.get(0).median(), "a voided result is worth nothing");
    assertEquals(Wei.ZERO, results.get(0).payout());
    assertEquals(Wei.ofLux("9"), results.get(1).payout(), "the miners' whole part to the one standing");
    assertEquals(minerStake.subtract(Wei.ofLux("1").value()),
        StakeContract.totalStake(chain.state, 0, chain.hotkeys.get(4).sender()), "the miner lost 1 LUX of stake");
    assertEquals(disputerStake.subtract(Wei.ofLux("1").value()),
        StakeContract.totalStake(chain.state, 0, chain.hotkeys.get(1).sender()), "the wrong disputer lost 1 LUX");
  }

  @Test
  void everyRefusalRevertsWithItsReason() {
    ContractCaller requester = chain.owner;
    assertReverts("no subnet 3", requester.call(chain.processor, AiTasksContract.ADDRESS, chain.blockContext(),
        "submitTask(uint16,bytes32,bytes32,string,uint64)", Wei.ofLux("1"), SUBMIT,
        List.of(BigInteger.valueOf(3), MODEL, INPUT, "x", BigInteger.valueOf(20))));
    assertReverts("a task escrows a fee", submitWith(Wei.ZERO, 20, "x"));
    assertReverts("the deadline must be a block after this one and at most 100000 ahead, not 9",
        submitWith(Wei.ofLux("1"), 9, "x"));
    assertReverts("an input URI has at most 128 bytes, not 129", submitWith(Wei.ofLux("1"), 20, "u".repeat(129)));
    BigInteger id = submit("1");
    assertEquals(new BigInteger(1, AiTasksContract.taskIdOf(requester.sender(), 5).toBytes()), id,
        "the id follows from the requester and its nonce");
    ContractCaller stranger = chain.hotkeys.get(0);
    assertReverts("has no UID on subnet 0", chain.owner.call(chain.processor, AiTasksContract.ADDRESS,
        chain.blockContext(), "commitResult(uint256,bytes32)", Wei.ZERO, List.of(AbiType.UINT256, AbiType.BYTES32),
        List.of(id, SALT)));
    answer(id, 4, "ipfs://a");
    assertReverts("committed no result to this task", call(stranger, "revealResult(uint256,bytes32,string,bytes32)",
        List.of(AbiType.UINT256, AbiType.BYTES32, AbiType.STRING, AbiType.BYTES32), List.of(id, SALT, "x", SALT)));
    assertReverts("results are revealed in blocks 13 to 22", revealCall(id, 4, "ipfs://a"));
    assertReverts("UID 4 revealed no result to this task", score(0, id, 4, 1));
    chain.closeThrough(DEADLINE);
    assertReverts("commitments closed with the deadline, block 12", call(chain.hotkeys.get(5),
        "commitResult(uint256,bytes32)", List.of(AbiType.UINT256, AbiType.BYTES32), List.of(id, SALT)));
    assertReverts("the reveal does not match the commitment", revealCall(id, 4, "ipfs://b"));
    reveal(id, 4, "ipfs://a");
    assertReverts("the result was revealed already", revealCall(id, 4, "ipfs://a"));
    assertReverts("is not a permitted validator of subnet 0", score(5, id, 4, 1));
    assertReverts("is not a permitted validator of subnet 0", score(4, id, 4, 1));
    assertReverts("results are disputed in blocks 33 to 42", dispute(0, id, 4));
    assertReverts("the result of UID 4 is not disputed", vote(0, id, 4, true));
    assertReverts("no task", call(chain.hotkeys.get(0), "finalizeTask(uint256)", List.of(AbiType.UINT256),
        List.of(BigInteger.TEN)));
  }

  @Test
  void weightedMedianIsTheScoreHalfTheStakeReaches() {
    var a = chain.hotkeys.get(0).sender();
    var b = chain.hotkeys.get(1).sender();
    var c = chain.hotkeys.get(2).sender();
    assertEquals(30, TaskSettlement.weightedMedian(List.of(new TaskSettlement.Score(a, 10, BigInteger.ONE),
        new TaskSettlement.Score(b, 30, BigInteger.ONE), new TaskSettlement.Score(c, 50, BigInteger.ONE))));
    assertEquals(10, TaskSettlement.weightedMedian(List.of(new TaskSettlement.Score(a, 10, BigInteger.valueOf(6)),
        new TaskSettlement.Score(b, 30, BigInteger.ONE), new TaskSettlement.Score(c, 50, BigInteger.ONE))));
    assertEquals(50, TaskSettlement.weightedMedian(List.of(new TaskSettlement.Score(a, 10, BigInteger.ONE),
        new TaskSettlement.Score(c, 50, BigInteger.ONE))), "a tie of stake: the higher score reaches half");
    assertEquals(0, TaskSettlement.weightedMedian(List.of()));
    assertTrue(TaskSettlement.upheld(2, 3));
    assertFalse(TaskSettlement.upheld(1, 3));
    assertFalse(TaskSettlement.upheld(0, 0));
  }

  private BigInteger submit(String lux) {
    TransactionResult.Executed submitted = submitWith(Wei.ofLux(lux), DEADLINE, "ipfs://input");
    succeeds(submitted);
    return (BigInteger) Abi.decode(List.of(AbiType.UINT256), submitted.returnData()).getFirst();
  }

  private TransactionResult.Executed submitWith(Wei fee, long deadline, String uri) {
    return chain.owner.call(chain.processor, AiTasksContract.ADDRESS, chain.blockContext(),
        "submitTask(uint16,bytes32,bytes32,string,uint64)", fee, SUBMIT,
        List.of(BigInteger.ZERO, MODEL, INPUT, uri, BigInteger.valueOf(deadline)));
  }

  private void answer(BigInteger id, int uid, String uri) {
    byte[] commitment = Hash.keccak(Abi.encode(COMMITTED, List.of(chain.hotkeys.get(uid).sender(), id,
        resultHash(uri), uri, SALT))).toBytes();
    succeeds(call(chain.hotkeys.get(uid), "commitResult(uint256,bytes32)", List.of(AbiType.UINT256,
        AbiType.BYTES32), List.of(id, commitment)));
  }

  private void reveal(BigInteger id, int uid, String uri) {
    succeeds(revealCall(id, uid, uri));
  }

  private TransactionResult.Executed revealCall(BigInteger id, int uid, String uri) {
    return call(chain.hotkeys.get(uid), "revealResult(uint256,bytes32,string,bytes32)",
        List.of(AbiType.UINT256, AbiType.BYTES32, AbiType.STRING, AbiType.BYTES32),
        List.of(id, resultHash(uri), uri, SALT));
  }

  private TransactionResult.Executed score(int validator, BigInteger id, int uid, int score) {
    return call(chain.hotkeys.get(validator), "scoreResult(uint256,uint16,uint16)",
        List.of(AbiType.UINT256, AbiType.UINT16, AbiType.UINT16),
        List.of(id, BigInteger.valueOf(uid), BigInteger.valueOf(score)));
  }

  private TransactionResult.Executed dispute(int validator, BigInteger id, int uid) {
    return call(chain.hotkeys.get(validator), "disputeResult(uint256,uint16)",
        List.of(AbiType.UINT256, AbiType.UINT16), List.of(id, BigInteger.valueOf(uid)));
  }

  private TransactionResult.Executed vote(int validator, BigInteger id, int uid, boolean uphold) {
    return call(chain.hotkeys.get(validator), "voteDispute(uint256,uint16,bool)",
        List.of(AbiType.UINT256, AbiType.UINT16, AbiType.BOOL), List.of(id, BigInteger.valueOf(uid), uphold));
  }

  private TransactionResult.Executed call(ContractCaller caller, String signature, List<AbiType> types,
      List<?> args) {
    return caller.call(chain.processor, AiTasksContract.ADDRESS, chain.blockContext(), signature, Wei.ZERO, types,
        args);
  }

  private static byte[] resultHash(String uri) {
    return Hash.keccak(uri.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toBytes();
  }

  private static byte[] word(BigInteger id) {
    return ContractStorage.word(id);
  }

  private static void succeeds(TransactionResult.Executed result) {
    SubnetFixture.succeeds(result);
  }

  private static void assertReverts(String reason, TransactionResult.Executed result) {
    assertFalse(result.succeeded(), reason);
    assertTrue(result.revertReason().contains(reason), result.revertReason());
  }
}
