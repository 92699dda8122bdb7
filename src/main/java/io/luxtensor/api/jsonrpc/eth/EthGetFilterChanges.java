package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.filter.FilterId;
import io.luxtensor.api.filter.FilterManager;
import io.luxtensor.api.filter.FilterRegistry;
import io.luxtensor.api.filter.FiltersBusyException;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.types.Hash;
import java.util.Optional;

/**
 * {@code eth_getFilterChanges(id)}: what the filter saw since the last poll: block or transaction hashes, or logs.
 * A filter that missed changes (its buffer overflowed) answers -32005 once and is removed.
 */
public final class EthGetFilterChanges implements JsonRpcMethod {
  private final FilterManager filters;

  public EthGetFilterChanges(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_getFilterChanges";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    Optional<FilterId> id = FilterCalls.id(params);
    if (id.isEmpty()) {
      throw FilterCalls.notFound();
    }
    FilterRegistry.Changes changes;
    try {
      changes = filters.changes(id.get());
    } catch (FiltersBusyException e) {
      throw FilterCalls.busy(e);
    }
    return switch (changes) {
      case FilterRegistry.Changes.Hashes hashes -> hashes.hashes().stream().map(Hash::toHex).toList();
      case FilterRegistry.Changes.Logs logs -> LogSearch.render(logs.logs());
      case FilterRegistry.Changes.NotFound notFound -> throw FilterCalls.notFound();
      case FilterRegistry.Changes.Overflowed overflowed -> throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED,
          "filter " + id.get() + " missed changes: more than " + overflowed.changesMax() + " waited since its last "
              + "poll, so it was removed; poll more often, or install a new filter and read the gap with eth_getLogs");
    };
  }
}
