package io.luxtensor.api.jsonrpc.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.ai.SubnetHyperparameters;
import io.luxtensor.api.AiTaskQuery;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.bytes.Hex;
import io.luxtensor.execution.system.AiTasksContract;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code lux_listTasks(filter, block)}: tasks in submission order, as {@code lux_getTask} shows them, filtered by
 * {@code netuid} and {@code status} ("open", "paid", "refunded") if given, a page at a time: {@code offset} (default
 * 0) and {@code limit} (default and at most {@value AiTaskQuery#LIMIT_MAX}) count the tasks that pass the filter.
 * Answers the page and {@code total}, the number of tasks that pass. {@link AiTaskQuery} selects them.
 */
public final class LuxListTasks implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxListTasks(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_listTasks";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    Optional<JsonNode> filter = params.optional(0).filter(f -> !f.isNull());
    if (filter.isPresent() && !filter.get().isObject()) {
      throw JsonRpcException.invalidParams("invalid argument 0 (filter): an object with netuid, status, offset, "
          + "limit, all optional");
    }
    JsonNode f = filter.orElse(JsonNodeFactory.instance.objectNode());
    AiTaskQuery query = new AiTaskQuery(number(f, "netuid", SubnetHyperparameters.U16_MAX).map(Long::intValue),
        status(f), number(f, "offset", Long.MAX_VALUE).orElse(0L),
        number(f, "limit", AiTaskQuery.LIMIT_MAX).orElse((long) AiTaskQuery.LIMIT_MAX));
    AiTaskQuery.Page page = query.page(reads.state(params, 1));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode tasks = out.putArray("tasks");
    page.tasks().forEach(task -> tasks.add(AiTaskReads.task(task)));
    return out.put("total", JsonRpcResults.quantity(page.total()));
  }

  private static Optional<Long> number(JsonNode filter, String field, long max) throws JsonRpcException {
    JsonNode node = filter.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    try {
      long value = Hex.decodeQuantity(node.asText()).longValueExact();
      if (value > max) {
        throw JsonRpcException.invalidParams("invalid argument 0 (filter." + field + "): at most " + max);
      }
      return Optional.of(value);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw JsonRpcException.invalidParams("invalid argument 0 (filter." + field + "): a hex quantity, not " + node);
    }
  }

  private static Optional<AiTasksContract.Status> status(JsonNode filter) throws JsonRpcException {
    JsonNode node = filter.get("status");
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Arrays.stream(AiTasksContract.Status.values()).filter(s -> s != AiTasksContract.Status.NONE)
        .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(node.asText())).findFirst()
        .map(Optional::of).orElseThrow(() -> JsonRpcException.invalidParams(
            "invalid argument 0 (filter.status): open, paid or refunded, not " + node));
  }
}
