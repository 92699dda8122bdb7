package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.filter.FilterManager;
import io.luxtensor.api.filter.FilterRegistry;
import io.luxtensor.api.filter.FiltersBusyException;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/** {@code eth_newPendingTransactionFilter()}: a filter whose changes are the hashes of transactions the pool takes. */
public final class EthNewPendingTransactionFilter implements JsonRpcMethod {
  private final FilterManager filters;

  public EthNewPendingTransactionFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newPendingTransactionFilter";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    try {
      return FilterCalls.installed(filters.install(new FilterRegistry.Kind.PendingTransactions()));
    } catch (FiltersBusyException e) {
      throw FilterCalls.busy(e);
    }
  }
}
