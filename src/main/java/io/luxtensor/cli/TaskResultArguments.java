package io.luxtensor.cli;

import io.luxtensor.types.Hash;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code ai task commit} and {@code reveal} take: the task, and the miner's result by its hash and URI. */
final class TaskResultArguments {
  @Parameters(index = "0", paramLabel = "TASK_ID", description = "The task: 0x and 64 hex digits.")
  String taskId;

  @Option(names = "--result-hash", required = true, paramLabel = "HASH",
      description = "The hash of the result (e.g. its keccak256 or content hash): 0x and 64 hex digits.")
  String resultHash;

  @Option(names = "--result-uri", required = true, paramLabel = "URI",
      description = "Where the result can be fetched (e.g. ipfs://…): at most 128 bytes.")
  String resultUri;

  /**
   * A miner's result as the AITasks contract takes it.
   *
   * @param taskId the task answered
   * @param resultHash the result's hash
   * @param resultUri where the result is
   */
  record Result(Hash taskId, Hash resultHash, String resultUri) {}

  /**
   * The result given, checked before anything is sent.
   *
   * @throws CliException (usage) for an id or hash that is not 32 bytes, or a URI over the contract's limit
   */
  Result result() {
    return new Result(AiArguments.taskId(taskId), AiArguments.hash("--result-hash", resultHash),
        AiArguments.uri("--result-uri", resultUri));
  }

}
