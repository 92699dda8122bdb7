package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcLimits;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;

/** {@code eth_getLogs(filter)}: the logs of one block or a range of canonical blocks matching addresses and topics. */
public final class EthGetLogs implements JsonRpcMethod {
  private final LogSearch search;

  public EthGetLogs(BlockchainQueries chain, JsonRpcLimits limits) {
    this.search = new LogSearch(chain, limits);
  }

  @Override
  public String name() {
    return "eth_getLogs";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    return LogSearch.render(search.find(FilterParameters.parse(params, 0)));
  }
}
