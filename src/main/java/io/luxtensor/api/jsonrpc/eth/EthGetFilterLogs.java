package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.filter.FilterId;
import io.luxtensor.api.filter.FilterManager;
import io.luxtensor.api.filter.FilterRegistry;
import io.luxtensor.api.filter.FiltersBusyException;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcLimits;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import java.util.List;
import java.util.Optional;

/**
 * {@code eth_getFilterLogs(id)}: every log a log filter matches in its range as of now (an open end is the head; an
 * end past the head stops at the head), under the same limits as eth_getLogs.
 */
public final class EthGetFilterLogs implements JsonRpcMethod {
  private final BlockchainQueries chain;
  private final FilterManager filters;
  private final LogSearch search;

  public EthGetFilterLogs(BlockchainQueries chain, FilterManager filters, JsonRpcLimits limits) {
    this.chain = chain;
    this.filters = filters;
    this.search = new LogSearch(chain, limits);
  }

  @Override
  public String name() {
    return "eth_getFilterLogs";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    Optional<FilterId> id = FilterCalls.id(params);
    Optional<FilterRegistry.Kind.Logs> filter;
    try {
      filter = id.isEmpty() ? Optional.empty() : filters.logFilter(id.get());
    } catch (FiltersBusyException e) {
      throw FilterCalls.busy(e);
    }
    if (filter.isEmpty()) {
      throw FilterCalls.notFound();
    }
    long head = chain.latest().number();
    long from = filter.get().fromBlock().orElse(head);
    long to = Math.min(filter.get().toBlock().orElse(head), head);
    if (from > to) {
      return LogSearch.render(List.of());
    }
    return LogSearch.render(search.inRange(new LogSearch.Range(from, to), filter.get().criteria()));
  }
}
