package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.filter.FilterManager;
import io.luxtensor.api.filter.FilterRegistry;
import io.luxtensor.api.filter.FiltersBusyException;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import java.util.OptionalLong;

/**
 * {@code eth_newFilter(filter)}: a log filter. Its changes are the matching logs of blocks made after it, within
 * fromBlock/toBlock when they are numbers (Geth's rule; tags put no bound); eth_getFilterLogs searches the range,
 * tags meaning the head at that time.
 */
public final class EthNewFilter implements JsonRpcMethod {
  private final FilterManager filters;

  public EthNewFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newFilter";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    FilterParameters filter = FilterParameters.parse(params, 0);
    if (filter.blockHash().isPresent()) {
      throw JsonRpcException.invalidParams(
          "invalid argument 0 (filter.blockHash): a filter watches new blocks; use eth_getLogs for one block");
    }
    OptionalLong from = bound(filter.fromBlock());
    OptionalLong to = bound(filter.toBlock());
    if (from.isPresent() && to.isPresent() && from.getAsLong() > to.getAsLong()) {
      throw JsonRpcException.invalidParams("invalid block range params");
    }
    try {
      return FilterCalls.installed(filters.install(new FilterRegistry.Kind.Logs(filter.criteria(), from, to)));
    } catch (FiltersBusyException e) {
      throw FilterCalls.busy(e);
    }
  }

  private static OptionalLong bound(BlockParameter block) {
    return switch (block) {
      case BlockParameter.ByNumber number -> OptionalLong.of(number.number());
      case BlockParameter.ByTag tag when tag.tag() == BlockParameter.Tag.EARLIEST -> OptionalLong.of(0);
      default -> OptionalLong.empty();
    };
  }
}
