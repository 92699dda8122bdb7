package io.luxtensor.cli;

import static io.luxtensor.execution.abi.AbiType.ADDRESS;
import static io.luxtensor.execution.abi.AbiType.BYTES32;
import static io.luxtensor.execution.abi.AbiType.STRING;
import static io.luxtensor.execution.abi.AbiType.UINT16;
import static io.luxtensor.execution.abi.AbiType.UINT16_ARRAY;
import static io.luxtensor.execution.abi.AbiType.UINT256;
import static io.luxtensor.execution.abi.AbiType.UINT256_ARRAY;
import static io.luxtensor.execution.abi.AbiType.UINT64;

import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.execution.system.AiTasksContract;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.StakeContract;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.execution.system.WeightsContract;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.util.List;

/**
 * The functions and events of the AI network's system contracts that the {@code ai} commands use, as abi/*.json
 * declares them (docs/ai-network.md explains each).
 */
final class AiContracts {
  static final ContractMethod REGISTER_SUBNET = new ContractMethod(SubnetRegistryContract.ADDRESS, "registerSubnet",
      List.of(STRING, UINT256_ARRAY), List.of(UINT16));
  static final ContractMethod LOCK_COST =
      new ContractMethod(SubnetRegistryContract.ADDRESS, "lockCost", List.of(), List.of(UINT256));
  static final ContractEvent SUBNET_REGISTERED = new ContractEvent(SubnetRegistryContract.ADDRESS,
      SubnetRegistryContract.REGISTERED_EVENT, List.of(UINT16, STRING, UINT256));

  static final ContractMethod BURNED_REGISTER = new ContractMethod(NeuronsContract.ADDRESS, "burnedRegister",
      List.of(UINT16, ADDRESS), List.of(UINT16));
  static final ContractMethod BURN =
      new ContractMethod(NeuronsContract.ADDRESS, "burn", List.of(UINT16), List.of(UINT256));
  static final ContractEvent NEURON_REGISTERED = new ContractEvent(NeuronsContract.ADDRESS,
      NeuronsContract.REGISTERED_EVENT, List.of(UINT16, UINT16, ADDRESS, UINT256));

  static final ContractMethod ADD_STAKE =
      new ContractMethod(StakeContract.ADDRESS, "addStake", List.of(UINT16, ADDRESS), List.of(UINT256));
  static final ContractMethod REMOVE_STAKE = new ContractMethod(StakeContract.ADDRESS, "removeStake",
      List.of(UINT16, ADDRESS, UINT256), List.of(UINT256));
  static final ContractMethod STAKE =
      new ContractMethod(StakeContract.ADDRESS, "stake", List.of(UINT16, ADDRESS, ADDRESS), List.of(UINT256));
  static final ContractMethod TOTAL_STAKE =
      new ContractMethod(StakeContract.ADDRESS, "totalStake", List.of(UINT16, ADDRESS), List.of(UINT256));
  static final ContractEvent STAKE_ADDED = new ContractEvent(StakeContract.ADDRESS,
      StakeContract.STAKE_ADDED_EVENT, List.of(UINT16, ADDRESS, UINT256, UINT256));
  static final ContractEvent STAKE_REMOVED = new ContractEvent(StakeContract.ADDRESS,
      StakeContract.STAKE_REMOVED_EVENT, List.of(UINT16, ADDRESS, UINT256, UINT256));

  static final ContractMethod SET_WEIGHTS = new ContractMethod(WeightsContract.ADDRESS, "setWeights",
      List.of(UINT16, UINT16_ARRAY, UINT16_ARRAY, UINT64), List.of());
  static final ContractMethod COMMIT_WEIGHTS =
      new ContractMethod(WeightsContract.ADDRESS, "commitWeights", List.of(UINT16, BYTES32), List.of());
  static final ContractMethod REVEAL_WEIGHTS = new ContractMethod(WeightsContract.ADDRESS, "revealWeights",
      List.of(UINT16, UINT16_ARRAY, UINT16_ARRAY, BYTES32, UINT64), List.of());
  static final ContractEvent WEIGHTS_SET = new ContractEvent(WeightsContract.ADDRESS,
      WeightsContract.WEIGHTS_SET_EVENT, List.of(UINT16, UINT16, UINT256, UINT64));
  static final ContractEvent WEIGHTS_COMMITTED = new ContractEvent(WeightsContract.ADDRESS,
      WeightsContract.WEIGHTS_COMMITTED_EVENT, List.of(UINT16, BYTES32));

  static final ContractMethod SUBMIT_TASK = new ContractMethod(AiTasksContract.ADDRESS, "submitTask",
      List.of(UINT16, BYTES32, BYTES32, STRING, UINT64), List.of(UINT256));
  static final ContractMethod COMMIT_RESULT =
      new ContractMethod(AiTasksContract.ADDRESS, "commitResult", List.of(UINT256, BYTES32), List.of());
  static final ContractMethod REVEAL_RESULT = new ContractMethod(AiTasksContract.ADDRESS, "revealResult",
      List.of(UINT256, BYTES32, STRING, BYTES32), List.of());
  static final ContractMethod SCORE_RESULT =
      new ContractMethod(AiTasksContract.ADDRESS, "scoreResult", List.of(UINT256, UINT16, UINT16), List.of());
  static final ContractMethod FINALIZE_TASK =
      new ContractMethod(AiTasksContract.ADDRESS, "finalizeTask", List.of(UINT256), List.of(UINT256));
  static final ContractEvent TASK_SUBMITTED = new ContractEvent(AiTasksContract.ADDRESS,
      AiTasksContract.SUBMITTED_EVENT, List.of(UINT256, UINT16, UINT256, UINT64));
  static final ContractEvent RESULT_COMMITTED =
      new ContractEvent(AiTasksContract.ADDRESS, AiTasksContract.COMMITTED_EVENT, List.of(UINT256));
  static final ContractEvent RESULT_REVEALED = new ContractEvent(AiTasksContract.ADDRESS,
      AiTasksContract.REVEALED_EVENT, List.of(UINT256, BYTES32, STRING));
  static final ContractEvent RESULT_SCORED = new ContractEvent(AiTasksContract.ADDRESS,
      AiTasksContract.SCORED_EVENT, List.of(UINT256, UINT16, UINT16));
  static final ContractEvent TASK_FINALIZED = new ContractEvent(AiTasksContract.ADDRESS,
      AiTasksContract.FINALIZED_EVENT, List.of(UINT256, UINT256, UINT256));

  static final List<ContractMethod> METHODS = List.of(REGISTER_SUBNET, LOCK_COST, BURNED_REGISTER, BURN, ADD_STAKE,
      REMOVE_STAKE, STAKE, TOTAL_STAKE, SET_WEIGHTS, COMMIT_WEIGHTS, REVEAL_WEIGHTS, SUBMIT_TASK, COMMIT_RESULT,
      REVEAL_RESULT, SCORE_RESULT, FINALIZE_TASK);
  static final List<ContractEvent> EVENTS = List.of(SUBNET_REGISTERED, NEURON_REGISTERED, STAKE_ADDED, STAKE_REMOVED,
      WEIGHTS_SET, WEIGHTS_COMMITTED, TASK_SUBMITTED, RESULT_COMMITTED, RESULT_REVEALED, RESULT_SCORED,
      TASK_FINALIZED);

  /** What the commitment hashes, in this order: the hotkey, the netuid, the weights, the salt, the version key. */
  private static final List<AbiType> COMMITMENT = List.of(ADDRESS, UINT16, UINT16_ARRAY, UINT16_ARRAY, BYTES32, UINT64);
  /** What a result commitment hashes, in this order: the miner, the task id, the result hash and URI, the salt. */
  private static final List<AbiType> RESULT_COMMITMENT = List.of(ADDRESS, UINT256, BYTES32, STRING, BYTES32);

  private AiContracts() {}

  /**
   * The commitment {@code commitWeights} takes: keccak256(abi.encode(hotkey, netuid, uids, values, salt,
   * versionKey)), as {@code Weights.commitHash} computes it, here without asking the node.
   */
  static Hash commitment(Address hotkey, WeightsArguments.Weights weights, byte[] salt) {
    return Hash.keccak(Abi.encode(COMMITMENT, List.of(hotkey, BigInteger.valueOf(weights.netuid()),
        big(weights.uids()), big(weights.values()), salt, weights.versionKey())));
  }

  /**
   * The commitment {@code commitResult} takes: keccak256(abi.encode(miner, taskId, resultHash, resultUri, salt)), as
   * {@code AITasks.revealResult} checks it, here without asking the node.
   */
  static Hash resultCommitment(Address miner, TaskResultArguments.Result result, byte[] salt) {
    return Hash.keccak(Abi.encode(RESULT_COMMITMENT, List.of(miner, taskNumber(result.taskId()),
        result.resultHash().toBytes(), result.resultUri(), salt)));
  }

  /** A task id as the contract's {@code uint256} takes it. */
  static BigInteger taskNumber(Hash taskId) {
    return new BigInteger(1, taskId.toBytes());
  }

  /** A task id from an event's {@code uint256}, as 32 bytes: the form the node's task methods take and answer. */
  static Hash taskId(BigInteger number) {
    return Hash.wrap(Abi.encode(List.of(UINT256), List.of(number)));
  }

  private static List<BigInteger> big(List<Integer> values) {
    return values.stream().map(BigInteger::valueOf).toList();
  }
}
