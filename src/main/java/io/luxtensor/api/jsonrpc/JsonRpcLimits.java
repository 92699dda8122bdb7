package io.luxtensor.api.jsonrpc;

/**
 * The configurable limits of the JSON-RPC methods (docs/configuration.md); a request over one is answered with
 * -32005 and a message saying what to narrow.
 *
 * @param logsBlockRangeMax most blocks one eth_getLogs or eth_getFilterLogs may span
 * @param logsResultsMax most logs one eth_getLogs or eth_getFilterLogs may return
 * @param filtersMax filters installed at once, over all clients
 */
public record JsonRpcLimits(long logsBlockRangeMax, int logsResultsMax, int filtersMax) {
  /**
   * Besu's default ({@code --rpc-max-logs-range}). A block costs one header read when its bloom rules it out and a
   * body and receipts read when not, so 5,000 blocks answer in well under a second from a warm store.
   */
  public static final long LOGS_BLOCK_RANGE_MAX = 5_000;
  /** The cap public Ethereum endpoints apply; 10,000 logs are about 6 MB of JSON, under the response limits. */
  public static final int LOGS_RESULTS_MAX = 10_000;
  /**
   * Filters across all clients (HTTP carries no identity to count per client by). Each buffers at most
   * FilterRegistry.FILTER_CHANGES_MAX changes and all together FilterRegistry.CHANGES_BUFFERED_TOTAL_MAX, so this
   * bounds the bookkeeping (about 200 bytes a filter), not the buffers.
   */
  public static final int FILTERS_MAX = 10_000;

  public static final JsonRpcLimits DEFAULTS = new JsonRpcLimits(LOGS_BLOCK_RANGE_MAX, LOGS_RESULTS_MAX, FILTERS_MAX);

  public JsonRpcLimits {
    if (logsBlockRangeMax < 1 || logsResultsMax < 1 || filtersMax < 1) {
      throw new IllegalArgumentException("logsBlockRangeMax, logsResultsMax and filtersMax must each be at least 1");
    }
  }
}
