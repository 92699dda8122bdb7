package io.luxtensor.api.jsonrpc.ai;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.TransactionSubmission;
import io.luxtensor.execution.StatelessTransactionValidator;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.system.AiTasksContract;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code mt_submitAITask(transaction)}: submits a signed raw transaction that calls {@code AITasks.submitTask}, as
 * {@code eth_sendRawTransaction} does, and answers the task's id (which follows from the sender and the nonce) with
 * the transaction's hash. Anything but such a call is -32602. (A dev node also takes an object it signs.)
 */
public final class MtSubmitAITask implements JsonRpcMethod {
  private final TransactionSubmission submission;

  public MtSubmitAITask(StatelessTransactionValidator validator, PendingTransactions pool) {
    this.submission = new TransactionSubmission(validator, pool);
  }

  @Override
  public String name() {
    return "mt_submitAITask";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    if (!params.required(0, "transaction").isTextual()) {
      throw JsonRpcException.invalidParams("invalid argument 0 (transaction): the signed raw transaction, as hex");
    }
    Transaction tx = TransactionSubmission.decode(params.data(0, "transaction"), 0);
    byte[] input = tx.data().toArray();
    if (!tx.to().equals(Optional.of(AiTasksContract.ADDRESS)) || input.length < 4
        || !Arrays.equals(Arrays.copyOf(input, 4), Abi.selector(AiTasksContract.SUBMIT_TASK_SIGNATURE))) {
      throw JsonRpcException.invalidParams("invalid argument 0 (transaction): not a call of "
          + AiTasksContract.SUBMIT_TASK_SIGNATURE + " on "
          + AiTasksContract.ADDRESS.toHex());
    }
    RecoveredTransaction recovered = submission.recover(tx);
    Hash hash = submission.submit(recovered);
    return submitted(AiTasksContract.taskIdOf(recovered.sender(), tx.nonce()), hash);
  }

  /** The answer: the task's id and the transaction's hash. */
  public static ObjectNode submitted(Hash taskId, Hash transactionHash) {
    return JsonNodeFactory.instance.objectNode().put("taskId", taskId.toHex())
        .put("transactionHash", transactionHash.toHex());
  }
}
