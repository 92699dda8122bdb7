package io.luxtensor.api.graphql;

/**
 * The bounds on one GraphQL request, each answered with a GraphQL error that names it.
 *
 * @param queryDepthMax deepest field nesting accepted
 * @param queryComplexityMax largest estimated result size accepted (see {@link ResultSizeComplexity})
 * @param blocksRangeMax most blocks one {@code blocks(from, to)} returns
 * @param logsBlockRangeMax most blocks one {@code logs(filter)} scans
 * @param logsResultsMax most logs one {@code logs(filter)} returns
 */
public record GraphQlLimits(int queryDepthMax, int queryComplexityMax, int blocksRangeMax, int logsBlockRangeMax,
    int logsResultsMax) {
  /**
   * The deepest sensible query (block, transactions, logs, transaction, block, number) has 6 levels; 10 leaves room
   * and stops walks such as parent { parent { ... } } early.
   */
  public static final int QUERY_DEPTH_MAX = 10;
  /**
   * Lets a full page of blocks with about ten fields each (1 + BLOCKS_RANGE_MAX * 11) through, and refuses the same
   * page with every transaction's accounts and logs, whose estimate is ten times larger.
   */
  public static final int QUERY_COMPLEXITY_MAX = 2_000;
  /** An explorer page; a block holds up to ~1,400 transfers, so 100 blocks can already be a few MB of JSON. */
  public static final int BLOCKS_RANGE_MAX = 100;
  /**
   * With no log index yet, each block scanned costs a header read, and its receipts when its bloom matches; 1,000
   * blocks stay in the milliseconds. Besu's eth_getLogs default is 5,000.
   */
  public static final int LOGS_BLOCK_RANGE_MAX = 1_000;
  /** Infura's and Alchemy's cap on one eth_getLogs answer, which dApps already page around. */
  public static final int LOGS_RESULTS_MAX = 10_000;

  public GraphQlLimits {
    if (queryDepthMax < 1 || queryComplexityMax < 1 || blocksRangeMax < 1 || logsBlockRangeMax < 1
        || logsResultsMax < 1) {
      throw new IllegalArgumentException("GraphQL limits must be positive: " + this);
    }
  }

  public static GraphQlLimits defaults() {
    return new GraphQlLimits(QUERY_DEPTH_MAX, QUERY_COMPLEXITY_MAX, BLOCKS_RANGE_MAX, LOGS_BLOCK_RANGE_MAX,
        LOGS_RESULTS_MAX);
  }
}
