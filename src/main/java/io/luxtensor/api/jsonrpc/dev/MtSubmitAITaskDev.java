package io.luxtensor.api.jsonrpc.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.ai.MtSubmitAITask;
import io.luxtensor.bytes.Hex;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.system.AiTasksContract;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code mt_submitAITask} on a dev node: a signed raw transaction as everywhere, or an object {@code {from, netuid,
 * modelHash, inputHash, inputUri, deadline, fee}} that the node turns into a {@code submitTask} call signed with
 * the dev key of {@code from} (as {@code eth_sendTransaction} signs).
 */
public final class MtSubmitAITaskDev implements JsonRpcMethod {
  private final MtSubmitAITask signed;
  private final EthSendTransaction sender;
  private final PendingTransactions pool;

  public MtSubmitAITaskDev(MtSubmitAITask signed, EthSendTransaction sender, PendingTransactions pool) {
    this.signed = signed;
    this.sender = sender;
    this.pool = pool;
  }

  @Override
  public String name() {
    return signed.name();
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    if (params.required(0, "task").isTextual()) {
      return signed.execute(params);
    }
    ObjectNode task = params.object(0, "task");
    Address from = JsonRpcParams.at(0, required(task, "from")).address(0, "task.from");
    BigInteger netuid = quantity(task, "netuid");
    byte[] input;
    try {
      input = Abi.calldata(AiTasksContract.SUBMIT_TASK_SIGNATURE, AiTasksContract.SUBMIT_TASK_INPUTS, List.of(netuid,
          word(task, "modelHash"), word(task, "inputHash"), text(task, "inputUri"), quantity(task, "deadline")));
    } catch (IllegalArgumentException e) {
      throw JsonRpcException.invalidParams("invalid argument 0 (task): " + e.getMessage());
    }
    long nonce = pool.nextNonce(from);
    ObjectNode transaction = JsonNodeFactory.instance.objectNode()
        .put("from", from.toHex())
        .put("to", AiTasksContract.ADDRESS.toHex())
        .put("value", Hex.encodeQuantity(quantity(task, "fee")))
        .put("data", Hex.encode(input))
        .put("nonce", Hex.encodeQuantity(nonce));
    Object hash = sender.execute(new JsonRpcParams(JsonNodeFactory.instance.arrayNode().add(transaction)));
    return MtSubmitAITask.submitted(AiTasksContract.taskIdOf(from, nonce), Hash.fromHex((String) hash));
  }

  private static JsonNode required(ObjectNode task, String field) throws JsonRpcException {
    JsonNode node = task.get(field);
    if (node == null || node.isNull()) {
      throw JsonRpcException.invalidParams("invalid argument 0 (task." + field + "): required");
    }
    return node;
  }

  private static BigInteger quantity(ObjectNode task, String field) throws JsonRpcException {
    return JsonRpcParams.at(0, required(task, field)).quantity(0, "task." + field);
  }

  private static byte[] word(ObjectNode task, String field) throws JsonRpcException {
    return JsonRpcParams.at(0, required(task, field)).hash(0, "task." + field).toBytes();
  }

  private static String text(ObjectNode task, String field) throws JsonRpcException {
    JsonNode node = required(task, field);
    if (!node.isTextual()) {
      throw JsonRpcException.invalidParams("invalid argument 0 (task." + field + "): a string");
    }
    return node.asText();
  }
}
