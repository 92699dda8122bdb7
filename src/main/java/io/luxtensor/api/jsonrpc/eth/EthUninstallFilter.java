package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.filter.FilterId;
import io.luxtensor.api.filter.FilterManager;
import io.luxtensor.api.filter.FiltersBusyException;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import java.util.Optional;

/** {@code eth_uninstallFilter(id)}: removes a filter; false if there was none. */
public final class EthUninstallFilter implements JsonRpcMethod {
  private final FilterManager filters;

  public EthUninstallFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_uninstallFilter";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    Optional<FilterId> id = FilterCalls.id(params);
    try {
      return id.isPresent() && filters.uninstall(id.get());
    } catch (FiltersBusyException e) {
      throw FilterCalls.busy(e);
    }
  }
}
