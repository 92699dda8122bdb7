package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.filter.FilterManager;
import io.luxtensor.api.filter.FilterRegistry;
import io.luxtensor.api.filter.FiltersBusyException;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/** {@code eth_newBlockFilter()}: a filter whose changes are the hashes of new canonical blocks. */
public final class EthNewBlockFilter implements JsonRpcMethod {
  private final FilterManager filters;

  public EthNewBlockFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newBlockFilter";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    try {
      return FilterCalls.installed(filters.install(new FilterRegistry.Kind.Blocks()));
    } catch (FiltersBusyException e) {
      throw FilterCalls.busy(e);
    }
  }
}
