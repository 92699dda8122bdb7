package io.luxtensor.api.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.api.filter.FilterId;
import io.luxtensor.api.filter.FilterRegistry;
import io.luxtensor.api.filter.FiltersBusyException;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import java.util.Optional;

/** What the filter methods share: reading an id, and the errors of installing and polling, in Geth's words. */
final class FilterCalls {
  private FilterCalls() {}

  /** The id argument, or empty when it cannot name a filter (which then is not found). */
  static Optional<FilterId> id(JsonRpcParams params) throws JsonRpcException {
    JsonNode node = params.required(0, "id");
    if (!node.isTextual()) {
      throw JsonRpcException.invalidParams("invalid argument 0 (id): expected a hex string");
    }
    return FilterId.parse(node.asText());
  }

  static JsonRpcException notFound() {
    return new JsonRpcException(JsonRpcError.SERVER_ERROR, "filter not found");
  }

  static JsonRpcException busy(FiltersBusyException e) {
    return new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, e.getMessage());
  }

  static String installed(FilterRegistry.Installation installation) throws JsonRpcException {
    return switch (installation) {
      case FilterRegistry.Installation.Installed installed -> installed.id().toHex();
      case FilterRegistry.Installation.TooMany tooMany -> throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED,
          "too many filters: the node holds at most " + tooMany.filtersMax() + "; uninstall the ones you no longer"
              + " poll (eth_uninstallFilter), or let them expire after "
              + FilterRegistry.FILTER_IDLE_MS_MAX / 60_000 + " minutes unpolled");
    };
  }
}
