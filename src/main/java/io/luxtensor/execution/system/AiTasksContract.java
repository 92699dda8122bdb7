package io.luxtensor.execution.system;

import static io.luxtensor.execution.system.ContractStorage.addressOf;
import static io.luxtensor.execution.system.ContractStorage.addressTopic;
import static io.luxtensor.execution.system.ContractStorage.key;
import static io.luxtensor.execution.system.ContractStorage.topic;
import static io.luxtensor.execution.system.ContractStorage.word;
import static io.luxtensor.execution.system.ContractStorage.wordOf;

import io.luxtensor.ai.SubnetHyperparameters;
import io.luxtensor.ai.TaskSettlement;
import io.luxtensor.ai.TaskWindows;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.state.StateReader;
import io.luxtensor.state.WorldState;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Log;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AI tasks on a subnet. A requester escrows a fee with a task ({@code submitTask}: model hash, input hash and
 * location, commit deadline); miners of the subnet commit to a result hash up to the deadline and reveal it after
 * ({@code commitResult}, {@code revealResult}); permitted validators score revealed results
 * ({@code scoreResult}); a validator may dispute a result and the other permitted validators vote on it, two thirds
 * upholding it voiding the result and slashing the miner's stake, anything less slashing the disputer's
 * ({@code disputeResult}, {@code voteDispute}); then anyone finalizes the task and the fee is paid as
 * {@link TaskSettlement} says, to coldkeys, or refunded when no result is worth anything. The windows are
 * {@link TaskWindows}. Nothing here runs a model or judges an output: only hashes, scores and stake, which every node
 * recomputes alike. ABI: abi/AITasks.json.
 *
 * <p>A task's id is {@code keccak256(abi.encode(address requester, uint64 nonce))} of the transaction that submits
 * it, so a client knows it before the transaction lands. A commitment is {@code keccak256(abi.encode(address miner,
 * uint256 taskId, bytes32 resultHash, string resultUri, bytes32 salt))}.
 *
 * <p>Storage, each record at {@code keccak256(key) + field}: per task ({@code "task" ‖ id}) its fields and the
 * number of miners that committed, listed at ({@code "miners" ‖ id}); per task and miner ({@code "result" ‖ id ‖
 * miner}) the commitment, result, payout and dispute; per score ({@code "score" ‖ id ‖ miner ‖ validator}) the
 * score plus one, the scorers listed at ({@code "scorers" ‖ id ‖ miner}); per vote ({@code "vote" ‖ id ‖ miner
 * ‖ voter}); and every task id in submission order, overall and per subnet ({@code "subnetTasks" ‖ netuid}: the
 * count, then the ids).
 */
public final class AiTasksContract extends AbiSystemContract {
  public static final Address ADDRESS = Address.fromHex("0x0000000000000000000000000000000000001007");
  public static final String SUBMITTED_EVENT = "TaskSubmitted(address,uint256,uint16,uint256,uint64)";
  public static final String COMMITTED_EVENT = "ResultCommitted(address,uint256)";
  public static final String REVEALED_EVENT = "ResultRevealed(address,uint256,bytes32,string)";
  public static final String SCORED_EVENT = "ResultScored(address,uint256,uint16,uint16)";
  public static final String DISPUTED_EVENT = "ResultDisputed(address,uint256,uint16)";
  public static final String VOTED_EVENT = "DisputeVoted(address,uint256,uint16,bool)";
  public static final String FINALIZED_EVENT = "TaskFinalized(address,uint256,uint256,uint256)";
  public static final int URI_BYTES_MAX = 128;
  /** {@code submitTask}'s arguments, for the methods that build or recognize a submission. */
  public static final List<AbiType> SUBMIT_TASK_INPUTS =
      List.of(AbiType.UINT16, AbiType.BYTES32, AbiType.BYTES32, AbiType.STRING, AbiType.UINT64);
  public static final String SUBMIT_TASK_SIGNATURE = "submitTask(uint16,bytes32,bytes32,string,uint64)";

  static final long VIEW_GAS = 2_600;
  static final long SUBMIT_GAS = 120_000;
  static final long ACTION_GAS = 60_000;
  /**
   * Finalizing costs this, plus {@link #FINALIZE_GAS_PER_RESULT} a result and {@link #FINALIZE_GAS_PER_SCORE} a
   * score.
   */
  static final long FINALIZE_GAS = 80_000;
  static final long FINALIZE_GAS_PER_RESULT = 20_000;
  static final long FINALIZE_GAS_PER_SCORE = 5_000;

  private static final Hash COUNT_SLOT = ContractStorage.named("luxtensor.tasks.count");
  private static final int URI_WORDS = URI_BYTES_MAX / 32;
  // Task fields.
  private static final int REQUESTER = 0;
  private static final int NETUID = 1;
  private static final int MODEL_HASH = 2;
  private static final int INPUT_HASH = 3;
  private static final int DEADLINE = 4;
  private static final int FEE = 5;
  private static final int SUBMITTED_AT = 6;
  private static final int STATUS = 7;
  private static final int MINER_COUNT = 8;
  private static final int REFUND = 9;
  private static final int URI_LENGTH = 10;
  private static final int URI = 11;
  // Result fields.
  private static final int COMMITMENT = 0;
  private static final int REVEALED = 1;
  private static final int RESULT_HASH = 2;
  private static final int PAYOUT = 3;
  private static final int MEDIAN = 4;
  private static final int DISPUTER = 5;
  private static final int UPHOLD_VOTES = 6;
  private static final int REJECT_VOTES = 7;
  private static final int DISPUTE_OUTCOME = 8;
  private static final int SCORER_COUNT = 9;
  private static final int RESULT_URI_LENGTH = 10;
  private static final int RESULT_URI = 11;

  private static final List<AbiType> TASK_ID_INPUTS = List.of(AbiType.ADDRESS, AbiType.UINT64);
  private static final List<AbiType> COMMITMENT_INPUTS =
      List.of(AbiType.ADDRESS, AbiType.UINT256, AbiType.BYTES32, AbiType.STRING, AbiType.BYTES32);
  private static final List<AbiType> TASK_OUTPUTS = List.of(AbiType.ADDRESS, AbiType.UINT16, AbiType.BYTES32,
      AbiType.BYTES32, AbiType.STRING, AbiType.UINT64, AbiType.UINT256, AbiType.UINT16);
  private static final List<AbiType> RESULT_OUTPUTS = List.of(AbiType.BOOL, AbiType.BOOL, AbiType.BYTES32,
      AbiType.STRING, AbiType.UINT256);

  /** Where a task stands. */
  public enum Status {
    /** No task has the id. */
    NONE,
    /** Accepting commitments, reveals, scores, disputes or votes, or waiting to be finalized. */
    OPEN,
    /** Finalized: the fee paid out (any rest refunded). */
    PAID,
    /** Finalized with no result worth anything: the fee refunded. */
    REFUNDED
  }

  /** How a dispute ended, or that it is open or never was. */
  public enum DisputeOutcome { NONE, OPEN, UPHELD, REJECTED }

  /**
   * The chain's rules for tasks.
   *
   * @param windows the task's windows after its deadline
   * @param validatorShare the validators' share of the fee, in basis points
   * @param disputeSlash what the loser of a dispute loses of its stake on the subnet
   * @param minersMax how many miners may commit to one task
   * @param deadlineBlocksMax how far ahead a deadline may be
   */
  public record Rules(TaskWindows windows, int validatorShare, Wei disputeSlash, int minersMax,
      long deadlineBlocksMax) {
    /** 10 blocks each window, 10% to validators, 1 LUX slashed, 64 miners, deadlines up to 100,000 blocks ahead. */
    public static final Rules DEFAULTS = new Rules(TaskWindows.DEFAULTS, 1_000, Wei.ofLux("1"), 64, 100_000);
  }

  /** A task as stored. */
  public record Task(Hash id, Address requester, int netuid, Bytes modelHash, Bytes inputHash, String inputUri,
      long deadline, Wei fee, long submittedAt, Status status, Wei refund) {}

  /** A vote or score from a validator. */
  public record Score(Address validator, int score) {}

  /** A miner's answer to a task: its commitment, its result once revealed, the scores, the dispute, the payout. */
  public record MinerResult(Address miner, Bytes commitment, boolean revealed, Bytes resultHash, String resultUri,
      List<Score> scores, Optional<Address> disputer, DisputeOutcome dispute, long upholdVotes, long rejectVotes,
      int median, Wei payout) {
    public MinerResult {
      scores = List.copyOf(scores);
    }
  }

  private final Rules rules;
  private final AbiDispatcher dispatcher;

  public AiTasksContract() {
    this(Rules.DEFAULTS);
  }

  public AiTasksContract(Rules rules) {
    super(ADDRESS, "AITasks", List.of(SUBMITTED_EVENT, COMMITTED_EVENT, REVEALED_EVENT, SCORED_EVENT, DISPUTED_EVENT,
        VOTED_EVENT, FINALIZED_EVENT));
    this.rules = rules;
    this.dispatcher = new AbiDispatcher("AITasks", List.of(
        new ContractFunction("submitTask", SUBMIT_TASK_INPUTS, List.of(AbiType.UINT256), SUBMIT_GAS, true,
            this::submit),
        new ContractFunction("commitResult", List.of(AbiType.UINT256, AbiType.BYTES32), List.of(), ACTION_GAS, false,
            this::commit),
        new ContractFunction("revealResult", List.of(AbiType.UINT256, AbiType.BYTES32, AbiType.STRING,
            AbiType.BYTES32), List.of(), ACTION_GAS, false, this::reveal),
        new ContractFunction("scoreResult", List.of(AbiType.UINT256, AbiType.UINT16, AbiType.UINT16), List.of(),
            ACTION_GAS, false, this::score),
        new ContractFunction("disputeResult", List.of(AbiType.UINT256, AbiType.UINT16), List.of(), ACTION_GAS, false,
            this::dispute),
        new ContractFunction("voteDispute", List.of(AbiType.UINT256, AbiType.UINT16, AbiType.BOOL), List.of(),
            ACTION_GAS, false, this::vote),
        new ContractFunction("finalizeTask", List.of(AbiType.UINT256), List.of(AbiType.UINT256), FINALIZE_GAS, false,
            this::finalize),
        new ContractFunction("task", List.of(AbiType.UINT256), TASK_OUTPUTS, VIEW_GAS, false,
            AiTasksContract::taskView),
        new ContractFunction("result", List.of(AbiType.UINT256, AbiType.ADDRESS), RESULT_OUTPUTS, VIEW_GAS, false,
            AiTasksContract::resultView),
        new ContractFunction("taskCount", List.of(), List.of(AbiType.UINT256), VIEW_GAS, false,
            (call, args) -> success(List.of(AbiType.UINT256), List.of(BigInteger.valueOf(taskCount(call.state()))),
                List.of(), VIEW_GAS)),
        new ContractFunction("taskAt", List.of(AbiType.UINT256), List.of(AbiType.UINT256), VIEW_GAS, false,
            AiTasksContract::taskAtView),
        new ContractFunction("taskIdOf", TASK_ID_INPUTS, List.of(AbiType.UINT256), VIEW_GAS, false,
            (call, args) -> success(List.of(AbiType.UINT256), List.of(new BigInteger(1, taskIdOf(
                (Address) args.get(0), ((BigInteger) args.get(1)).longValueExact()).toBytes())), List.of(),
                VIEW_GAS))));
  }

  @Override
  protected AbiDispatcher dispatcher() {
    return dispatcher;
  }

  /** The rules this contract applies. */
  public Rules rules() {
    return rules;
  }

  /** The id of the task a transaction from {@code requester} with {@code nonce} submits. */
  public static Hash taskIdOf(Address requester, long nonce) {
    return Hash.keccak(Abi.encode(TASK_ID_INPUTS, List.of(requester, BigInteger.valueOf(nonce))));
  }

  /** How many tasks were ever submitted. */
  public static long taskCount(StateReader state) {
    return state.storage(ADDRESS, COUNT_SLOT).longValueExact();
  }

  /** The id of the {@code index}-th task submitted. */
  public static Hash taskAt(StateReader state, long index) {
    return ContractStorage.slot(state.storage(ADDRESS, ContractStorage.field(key("taskAt",
        BigInteger.valueOf(index)), 0)));
  }

  /** How many tasks were submitted to subnet {@code netuid}. */
  public static long subnetTaskCount(StateReader state, int netuid) {
    return state.storage(ADDRESS, subnetTaskSlot(netuid, 0)).longValueExact();
  }

  /** The id of the {@code index}-th task submitted to subnet {@code netuid}. */
  public static Hash subnetTaskAt(StateReader state, int netuid, long index) {
    return ContractStorage.slot(state.storage(ADDRESS, subnetTaskSlot(netuid, index + 1)));
  }

  /** Task {@code id}, if one was submitted. */
  public static Optional<Task> task(StateReader state, Hash id) {
    BigInteger status = taskField(state, id, STATUS);
    if (status.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(new Task(id, addressOf(taskField(state, id, REQUESTER)),
        taskField(state, id, NETUID).intValueExact(), Bytes.of(word(taskField(state, id, MODEL_HASH))),
        Bytes.of(word(taskField(state, id, INPUT_HASH))), readString(state, taskSlot(id, URI_LENGTH), taskSlot(id,
        URI)), taskField(state, id, DEADLINE).longValueExact(), Wei.of(taskField(state, id, FEE)),
        taskField(state, id, SUBMITTED_AT).longValueExact(), Status.values()[status.intValueExact()],
        Wei.of(taskField(state, id, REFUND))));
  }

  /** The miners that committed to task {@code id}, in order, with what they did and were paid. */
  public static List<MinerResult> results(StateReader state, Hash id) {
    List<MinerResult> results = new ArrayList<>();
    long count = taskField(state, id, MINER_COUNT).longValueExact();
    for (long i = 0; i < count; i++) {
      results.add(result(state, id, miner(state, id, i)));
    }
    return results;
  }

  private static MinerResult result(StateReader state, Hash id, Address miner) {
    List<Score> scores = new ArrayList<>();
    long scorers = resultField(state, id, miner, SCORER_COUNT).longValueExact();
    for (long i = 0; i < scorers; i++) {
      Address validator = addressOf(state.storage(ADDRESS, scorerSlot(id, miner, i)));
      scores.add(new Score(validator, state.storage(ADDRESS, scoreSlot(id, miner, validator)).intValueExact() - 1));
    }
    BigInteger disputer = resultField(state, id, miner, DISPUTER);
    return new MinerResult(miner, Bytes.of(word(resultField(state, id, miner, COMMITMENT))),
        resultField(state, id, miner, REVEALED).signum() != 0, Bytes.of(word(resultField(state, id, miner,
        RESULT_HASH))), readString(state, resultSlot(id, miner, RESULT_URI_LENGTH), resultSlot(id, miner,
        RESULT_URI)), scores, disputer.signum() == 0 ? Optional.empty() : Optional.of(addressOf(disputer)),
        DisputeOutcome.values()[resultField(state, id, miner, DISPUTE_OUTCOME).intValueExact()],
        resultField(state, id, miner, UPHOLD_VOTES).longValueExact(),
        resultField(state, id, miner, REJECT_VOTES).longValueExact(),
        resultField(state, id, miner, MEDIAN).intValueExact(), Wei.of(resultField(state, id, miner, PAYOUT)));
  }

  private CallOutcome submit(SystemCall call, List<Object> args) {
    WorldState state = call.state();
    int netuid = ((BigInteger) args.get(0)).intValueExact();
    byte[] uri = ((String) args.get(3)).getBytes(StandardCharsets.UTF_8);
    long deadline = ((BigInteger) args.get(4)).longValueExact();
    long block = call.block().number();
    if (SubnetRegistryContract.read(state, netuid).isEmpty()) {
      return revert("no subnet " + netuid, SUBMIT_GAS);
    }
    if (call.value().isZero()) {
      return revert("a task escrows a fee: send it as the call's value", SUBMIT_GAS);
    }
    if (deadline <= block || deadline > block + rules.deadlineBlocksMax()) {
      return revert("the deadline must be a block after this one and at most " + rules.deadlineBlocksMax()
          + " ahead, not " + deadline, SUBMIT_GAS);
    }
    if (uri.length > URI_BYTES_MAX) {
      return revert("an input URI has at most " + URI_BYTES_MAX + " bytes, not " + uri.length, SUBMIT_GAS);
    }
    Hash id = taskIdOf(call.caller(), state.nonce(call.caller()) - 1);
    setTaskField(state, id, REQUESTER, wordOf(call.caller()));
    setTaskField(state, id, NETUID, BigInteger.valueOf(netuid));
    setTaskField(state, id, MODEL_HASH, new BigInteger(1, (byte[]) args.get(1)));
    setTaskField(state, id, INPUT_HASH, new BigInteger(1, (byte[]) args.get(2)));
    setTaskField(state, id, DEADLINE, BigInteger.valueOf(deadline));
    setTaskField(state, id, FEE, call.value().value());
    setTaskField(state, id, SUBMITTED_AT, BigInteger.valueOf(block));
    setTaskField(state, id, STATUS, BigInteger.valueOf(Status.OPEN.ordinal()));
    writeString(state, uri, taskSlot(id, URI_LENGTH), taskSlot(id, URI));
    long index = taskCount(state);
    state.setStorage(ADDRESS, ContractStorage.field(key("taskAt", BigInteger.valueOf(index)), 0),
        new BigInteger(1, id.toBytes()));
    state.setStorage(ADDRESS, COUNT_SLOT, BigInteger.valueOf(index + 1));
    long onSubnet = subnetTaskCount(state, netuid);
    state.setStorage(ADDRESS, subnetTaskSlot(netuid, onSubnet + 1), new BigInteger(1, id.toBytes()));
    state.setStorage(ADDRESS, subnetTaskSlot(netuid, 0), BigInteger.valueOf(onSubnet + 1));
    BigInteger idNumber = new BigInteger(1, id.toBytes());
    Log submitted = new Log(ADDRESS, List.of(topic(SUBMITTED_EVENT), addressTopic(call.caller())), Bytes.of(
        Abi.encode(List.of(AbiType.UINT256, AbiType.UINT16, AbiType.UINT256, AbiType.UINT64), List.of(idNumber,
            BigInteger.valueOf(netuid), call.value().value(), BigInteger.valueOf(deadline)))));
    return success(List.of(AbiType.UINT256), List.of(idNumber), List.of(submitted), SUBMIT_GAS);
  }

  private CallOutcome commit(SystemCall call, List<Object> args) {
    WorldState state = call.state();
    Hash id = taskId(args);
    Optional<Task> task = task(state, id);
    if (task.isEmpty()) {
      return revert("no task " + id, ACTION_GAS);
    }
    if (NeuronsContract.uidOf(state, task.get().netuid(), call.caller()).isEmpty()) {
      return revert("hotkey " + call.caller().toChecksumHex() + " has no UID on subnet " + task.get().netuid(),
          ACTION_GAS);
    }
    if (!rules.windows().canCommit(task.get().deadline(), call.block().number())) {
      return revert("commitments closed with the deadline, block " + task.get().deadline(), ACTION_GAS);
    }
    boolean first = resultField(state, id, call.caller(), COMMITMENT).signum() == 0;
    long miners = taskField(state, id, MINER_COUNT).longValueExact();
    if (first) {
      if (miners >= rules.minersMax()) {
        return revert("the task has its " + rules.minersMax() + " miners already", ACTION_GAS);
      }
      state.setStorage(ADDRESS, ContractStorage.field(key("miners", new BigInteger(1, id.toBytes())), miners),
          wordOf(call.caller()));
      setTaskField(state, id, MINER_COUNT, BigInteger.valueOf(miners + 1));
    }
    setResultField(state, id, call.caller(), COMMITMENT, new BigInteger(1, (byte[]) args.get(1)));
    return logged(COMMITTED_EVENT, call.caller(), List.of(AbiType.UINT256), List.of(idNumber(id)));
  }

  private CallOutcome reveal(SystemCall call, List<Object> args) {
    WorldState state = call.state();
    Hash id = taskId(args);
    Optional<Task> task = task(state, id);
    if (task.isEmpty()) {
      return revert("no task " + id, ACTION_GAS);
    }
    BigInteger commitment = resultField(state, id, call.caller(), COMMITMENT);
    if (commitment.signum() == 0) {
      return revert(call.caller().toChecksumHex() + " committed no result to this task", ACTION_GAS);
    }
    if (!rules.windows().canReveal(task.get().deadline(), call.block().number())) {
      return revert("results are revealed in blocks " + (task.get().deadline() + 1) + " to "
          + rules.windows().revealEnd(task.get().deadline()), ACTION_GAS);
    }
    if (resultField(state, id, call.caller(), REVEALED).signum() != 0) {
      return revert("the result was revealed already", ACTION_GAS);
    }
    byte[] resultHash = (byte[]) args.get(1);
    String uri = (String) args.get(2);
    byte[] uriBytes = uri.getBytes(StandardCharsets.UTF_8);
    if (uriBytes.length > URI_BYTES_MAX) {
      return revert("a result URI has at most " + URI_BYTES_MAX + " bytes, not " + uriBytes.length, ACTION_GAS);
    }
    Hash expected = Hash.keccak(Abi.encode(COMMITMENT_INPUTS, List.of(call.caller(), idNumber(id), resultHash, uri,
        args.get(3))));
    if (!new BigInteger(1, expected.toBytes()).equals(commitment)) {
      return revert("the reveal does not match the commitment (resultHash, resultUri and salt must be those "
          + "hashed)", ACTION_GAS);
    }
    setResultField(state, id, call.caller(), REVEALED, BigInteger.ONE);
    setResultField(state, id, call.caller(), RESULT_HASH, new BigInteger(1, resultHash));
    writeString(state, uriBytes, resultSlot(id, call.caller(), RESULT_URI_LENGTH),
        resultSlot(id, call.caller(), RESULT_URI));
    return logged(REVEALED_EVENT, call.caller(), List.of(AbiType.UINT256, AbiType.BYTES32, AbiType.STRING),
        List.of(idNumber(id), resultHash, uri));
  }

  private CallOutcome score(SystemCall call, List<Object> args) {
    WorldState state = call.state();
    Hash id = taskId(args);
    int uid = ((BigInteger) args.get(1)).intValueExact();
    int score = ((BigInteger) args.get(2)).intValueExact();
    Checked<Answer> answer = revealedResultOf(state, id, uid, call);
    if (answer.problem().isPresent()) {
      return revert(answer.problem().get(), ACTION_GAS);
    }
    Task task = answer.value().task();
    Address miner = answer.value().miner();
    if (!rules.windows().canScore(task.deadline(), call.block().number())) {
      return revert("results are scored in blocks " + (task.deadline() + 1) + " to "
          + rules.windows().scoreEnd(task.deadline()), ACTION_GAS);
    }
    if (miner.equals(call.caller())) {
      return revert("a validator does not score its own result", ACTION_GAS);
    }
    Hash slot = scoreSlot(id, miner, call.caller());
    if (state.storage(ADDRESS, slot).signum() == 0) {
      long scorers = resultField(state, id, miner, SCORER_COUNT).longValueExact();
      state.setStorage(ADDRESS, scorerSlot(id, miner, scorers), wordOf(call.caller()));
      setResultField(state, id, miner, SCORER_COUNT, BigInteger.valueOf(scorers + 1));
    }
    state.setStorage(ADDRESS, slot, BigInteger.valueOf(score + 1L));
    return logged(SCORED_EVENT, call.caller(), List.of(AbiType.UINT256, AbiType.UINT16, AbiType.UINT16),
        List.of(idNumber(id), BigInteger.valueOf(uid), BigInteger.valueOf(score)));
  }

  private CallOutcome dispute(SystemCall call, List<Object> args) {
    WorldState state = call.state();
    Hash id = taskId(args);
    int uid = ((BigInteger) args.get(1)).intValueExact();
    Checked<Answer> answer = revealedResultOf(state, id, uid, call);
    if (answer.problem().isPresent()) {
      return revert(answer.problem().get(), ACTION_GAS);
    }
    Task task = answer.value().task();
    Address miner = answer.value().miner();
    if (!rules.windows().canDispute(task.deadline(), call.block().number())) {
      return revert("results are disputed in blocks " + (rules.windows().scoreEnd(task.deadline()) + 1) + " to "
          + rules.windows().disputeEnd(task.deadline()), ACTION_GAS);
    }
    if (resultField(state, id, miner, DISPUTER).signum() != 0) {
      return revert("the result of UID " + uid + " is disputed already", ACTION_GAS);
    }
    BigInteger stake = StakeContract.totalStake(state, task.netuid(), call.caller());
    if (stake.compareTo(rules.disputeSlash().value()) < 0) {
      return revert("disputing risks " + rules.disputeSlash().toLuxString() + " LUX of stake; "
          + call.caller().toChecksumHex() + " has " + Wei.of(stake).toLuxString() + " LUX on subnet "
          + task.netuid(), ACTION_GAS);
    }
    setResultField(state, id, miner, DISPUTER, wordOf(call.caller()));
    setResultField(state, id, miner, DISPUTE_OUTCOME, BigInteger.valueOf(DisputeOutcome.OPEN.ordinal()));
    return logged(DISPUTED_EVENT, call.caller(), List.of(AbiType.UINT256, AbiType.UINT16),
        List.of(idNumber(id), BigInteger.valueOf(uid)));
  }

  private CallOutcome vote(SystemCall call, List<Object> args) {
    WorldState state = call.state();
    Hash id = taskId(args);
    int uid = ((BigInteger) args.get(1)).intValueExact();
    boolean uphold = (Boolean) args.get(2);
    Checked<Answer> answer = revealedResultOf(state, id, uid, call);
    if (answer.problem().isPresent()) {
      return revert(answer.problem().get(), ACTION_GAS);
    }
    Task task = answer.value().task();
    Address miner = answer.value().miner();
    if (resultField(state, id, miner, DISPUTER).signum() == 0) {
      return revert("the result of UID " + uid + " is not disputed", ACTION_GAS);
    }
    if (!rules.windows().canVote(task.deadline(), call.block().number())) {
      return revert("disputes are voted on until block " + rules.windows().voteEnd(task.deadline()), ACTION_GAS);
    }
    if (addressOf(resultField(state, id, miner, DISPUTER)).equals(call.caller())
        || miner.equals(call.caller())) {
      return revert("the disputer and the miner do not vote on their dispute", ACTION_GAS);
    }
    Hash voteSlot = ContractStorage.field(key("vote", idNumber(id), wordOf(miner), wordOf(call.caller())), 0);
    if (state.storage(ADDRESS, voteSlot).signum() != 0) {
      return revert(call.caller().toChecksumHex() + " voted on this dispute already", ACTION_GAS);
    }
    state.setStorage(ADDRESS, voteSlot, BigInteger.ONE);
    int field = uphold ? UPHOLD_VOTES : REJECT_VOTES;
    setResultField(state, id, miner, field, resultField(state, id, miner, field).add(BigInteger.ONE));
    return logged(VOTED_EVENT, call.caller(), List.of(AbiType.UINT256, AbiType.UINT16, AbiType.BOOL),
        List.of(idNumber(id), BigInteger.valueOf(uid), uphold));
  }

  private CallOutcome finalize(SystemCall call, List<Object> args) {
    WorldState state = call.state();
    Hash id = taskId(args);
    Optional<Task> found = task(state, id);
    if (found.isEmpty()) {
      return revert("no task " + id, FINALIZE_GAS);
    }
    Task task = found.get();
    if (task.status() != Status.OPEN) {
      return revert("the task was finalized already", FINALIZE_GAS);
    }
    if (!rules.windows().canFinalize(task.deadline(), call.block().number())) {
      return revert("the task can be finalized from block " + (rules.windows().voteEnd(task.deadline()) + 1),
          FINALIZE_GAS);
    }
    List<MinerResult> answers = results(state, id).stream().filter(MinerResult::revealed).toList();
    long gas = FINALIZE_GAS + FINALIZE_GAS_PER_RESULT * answers.size()
        + FINALIZE_GAS_PER_SCORE * answers.stream().mapToLong(a -> a.scores().size()).sum();
    if (call.gasAvailable() < gas) {
      return revert("out of gas (finalizing needs " + gas + ")", call.gasAvailable());
    }
    int netuid = task.netuid();
    List<TaskSettlement.Result> settled = new ArrayList<>();
    for (MinerResult answer : answers) {
      boolean voided = answer.disputer().isPresent() && settleDispute(state, task, answer);
      settled.add(new TaskSettlement.Result(answer.miner(), answer.scores().stream()
          .map(s -> new TaskSettlement.Score(s.validator(), s.score(), StakeContract.totalStake(state, netuid,
              s.validator()))).toList(), voided));
    }
    TaskSettlement.Payout payout = TaskSettlement.settle(task.fee().value(), rules.validatorShare(), settled);
    for (int i = 0; i < answers.size(); i++) {
      Address miner = answers.get(i).miner();
      setResultField(state, id, miner, MEDIAN, BigInteger.valueOf(payout.medians().get(i)));
      setResultField(state, id, miner, PAYOUT, payout.miners().get(i));
      pay(state, NeuronsContract.coldkeyOf(state, miner).orElse(miner), payout.miners().get(i));
    }
    for (Map.Entry<Address, BigInteger> validator : payout.validators().entrySet()) {
      pay(state, NeuronsContract.coldkeyOf(state, validator.getKey()).orElse(validator.getKey()),
          validator.getValue());
    }
    pay(state, task.requester(), payout.refund());
    setTaskField(state, id, REFUND, payout.refund());
    boolean refunded = payout.refund().equals(task.fee().value());
    setTaskField(state, id, STATUS, BigInteger.valueOf((refunded ? Status.REFUNDED : Status.PAID).ordinal()));
    BigInteger paid = task.fee().value().subtract(payout.refund());
    Log finalized = new Log(ADDRESS, List.of(topic(FINALIZED_EVENT), addressTopic(task.requester())), Bytes.of(
        Abi.encode(List.of(AbiType.UINT256, AbiType.UINT256, AbiType.UINT256), List.of(idNumber(id), paid,
            payout.refund()))));
    return success(List.of(AbiType.UINT256), List.of(paid), List.of(finalized), gas);
  }

  /**
   * Decides a dispute: upheld when two thirds of the subnet's permitted validators other than the disputer and the
   * miner voted to uphold it; the loser's stake on the subnet is slashed. Returns whether the result is void.
   */
  private boolean settleDispute(WorldState state, Task task, MinerResult answer) {
    Address disputer = answer.disputer().orElseThrow();
    int voters = 0;
    for (NeuronsContract.Neuron neuron : NeuronsContract.neurons(state, task.netuid())) {
      boolean party = neuron.hotkey().equals(disputer) || neuron.hotkey().equals(answer.miner());
      if (!party && MetagraphContract.permit(state, task.netuid(), neuron.uid())) {
        voters++;
      }
    }
    boolean upheld = TaskSettlement.upheld((int) answer.upholdVotes(), voters);
    StakeContract.slashPool(state, task.netuid(), upheld ? answer.miner() : disputer, rules.disputeSlash().value());
    setResultField(state, task.id(), answer.miner(), DISPUTE_OUTCOME,
        BigInteger.valueOf((upheld ? DisputeOutcome.UPHELD : DisputeOutcome.REJECTED).ordinal()));
    return upheld;
  }

  /** A task and the miner whose revealed result a validator acts on. */
  private record Answer(Task task, Address miner) {}

  /** Task {@code id} and the hotkey of UID {@code uid} with a revealed result on it, checked for a permitted caller. */
  private static Checked<Answer> revealedResultOf(WorldState state, Hash id, int uid, SystemCall call) {
    Optional<Task> task = task(state, id);
    if (task.isEmpty()) {
      return Checked.refused("no task " + id);
    }
    int netuid = task.get().netuid();
    Optional<Integer> caller = NeuronsContract.uidOf(state, netuid, call.caller());
    if (caller.isEmpty() || !MetagraphContract.permit(state, netuid, caller.get())) {
      return Checked.refused(call.caller().toChecksumHex() + " is not a permitted validator of subnet " + netuid);
    }
    Optional<NeuronsContract.Neuron> miner = NeuronsContract.find(state, netuid, uid);
    if (miner.isEmpty() || resultField(state, id, miner.get().hotkey(), REVEALED).signum() == 0) {
      return Checked.refused("UID " + uid + " revealed no result to this task");
    }
    return Checked.of(new Answer(task.get(), miner.get().hotkey()));
  }

  private static void pay(WorldState state, Address to, BigInteger amount) {
    if (amount.signum() > 0) {
      state.subtractBalance(ADDRESS, Wei.of(amount));
      state.addBalance(to, Wei.of(amount));
    }
  }

  private static CallOutcome taskView(SystemCall call, List<Object> args) {
    Optional<Task> task = task(call.state(), taskId(args));
    if (task.isEmpty()) {
      return revert("no task " + taskId(args), VIEW_GAS);
    }
    Task t = task.get();
    return success(TASK_OUTPUTS, List.of(t.requester(), BigInteger.valueOf(t.netuid()), t.modelHash().toArray(),
        t.inputHash().toArray(), t.inputUri(), BigInteger.valueOf(t.deadline()), t.fee().value(),
        BigInteger.valueOf(t.status().ordinal())), List.of(), VIEW_GAS);
  }

  private static CallOutcome resultView(SystemCall call, List<Object> args) {
    MinerResult r = result(call.state(), taskId(args), (Address) args.get(1));
    return success(RESULT_OUTPUTS, List.of(!r.commitment().equals(Bytes.of(new byte[32])), r.revealed(),
        r.resultHash().toArray(), r.resultUri(), r.payout().value()), List.of(), VIEW_GAS);
  }

  private static CallOutcome taskAtView(SystemCall call, List<Object> args) {
    long index = ((BigInteger) args.get(0)).longValueExact();
    if (index >= taskCount(call.state())) {
      return revert("no task at index " + index + " (there are " + taskCount(call.state()) + ")", VIEW_GAS);
    }
    return success(List.of(AbiType.UINT256), List.of(idNumber(taskAt(call.state(), index))), List.of(), VIEW_GAS);
  }

  private static CallOutcome logged(String event, Address caller, List<AbiType> types, List<Object> values) {
    Log log = new Log(ADDRESS, List.of(topic(event), addressTopic(caller)), Bytes.of(Abi.encode(types, values)));
    return new CallOutcome.Success(new byte[0], List.of(log), ACTION_GAS);
  }

  private static void writeString(WorldState state, byte[] bytes, Hash lengthSlot, Hash firstWord) {
    List<BigInteger> words = ContractStorage.toWords(bytes, URI_WORDS);
    BigInteger base = new BigInteger(1, firstWord.toBytes());
    for (int i = 0; i < URI_WORDS; i++) {
      state.setStorage(ADDRESS, ContractStorage.slot(base.add(BigInteger.valueOf(i))), words.get(i));
    }
    state.setStorage(ADDRESS, lengthSlot, BigInteger.valueOf(bytes.length));
  }

  private static String readString(StateReader state, Hash lengthSlot, Hash firstWord) {
    BigInteger base = new BigInteger(1, firstWord.toBytes());
    List<BigInteger> words = new ArrayList<>();
    for (int i = 0; i < URI_WORDS; i++) {
      words.add(state.storage(ADDRESS, ContractStorage.slot(base.add(BigInteger.valueOf(i)))));
    }
    return ContractStorage.stringOf(words, state.storage(ADDRESS, lengthSlot).intValueExact());
  }

  private static Hash taskId(List<Object> args) {
    return ContractStorage.slot((BigInteger) args.get(0));
  }

  private static BigInteger idNumber(Hash id) {
    return new BigInteger(1, id.toBytes());
  }

  private static Address miner(StateReader state, Hash id, long index) {
    return addressOf(state.storage(ADDRESS, ContractStorage.field(key("miners", idNumber(id)), index)));
  }

  private static BigInteger taskField(StateReader state, Hash id, int field) {
    return state.storage(ADDRESS, taskSlot(id, field));
  }

  private static void setTaskField(WorldState state, Hash id, int field, BigInteger value) {
    state.setStorage(ADDRESS, taskSlot(id, field), value);
  }

  private static Hash taskSlot(Hash id, int field) {
    return ContractStorage.field(key("task", idNumber(id)), field);
  }

  private static BigInteger resultField(StateReader state, Hash id, Address miner, int field) {
    return state.storage(ADDRESS, resultSlot(id, miner, field));
  }

  private static void setResultField(WorldState state, Hash id, Address miner, int field, BigInteger value) {
    state.setStorage(ADDRESS, resultSlot(id, miner, field), value);
  }

  private static Hash resultSlot(Hash id, Address miner, int field) {
    return ContractStorage.field(key("result", idNumber(id), wordOf(miner)), field);
  }

  private static Hash scoreSlot(Hash id, Address miner, Address validator) {
    return ContractStorage.field(key("score", idNumber(id), wordOf(miner), wordOf(validator)), 0);
  }

  /** Field 0: how many tasks subnet {@code netuid} has; field i + 1: the id of its i-th. */
  private static Hash subnetTaskSlot(int netuid, long field) {
    return ContractStorage.field(key("subnetTasks", BigInteger.valueOf(netuid)), field);
  }

  private static Hash scorerSlot(Hash id, Address miner, long index) {
    return ContractStorage.field(key("scorers", idNumber(id), wordOf(miner)), index);
  }

  private static CallOutcome revert(String reason, long gas) {
    return CallOutcome.revert("AITasks: " + reason, gas);
  }
}
