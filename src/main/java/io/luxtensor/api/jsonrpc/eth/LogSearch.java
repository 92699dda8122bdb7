package io.luxtensor.api.jsonrpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.filter.LocatedLog;
import io.luxtensor.api.filter.LogCriteria;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcLimits;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Receipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds logs in canonical blocks for eth_getLogs and eth_getFilterLogs. A block whose header bloom rules the criteria
 * out is skipped without reading its body or receipts. Ranges and results are bounded by {@link JsonRpcLimits}; past
 * either the answer is -32005 with the range to ask for instead.
 */
final class LogSearch {
  private final BlockchainQueries chain;
  private final BlockResolver blocks;
  private final JsonRpcLimits limits;

  LogSearch(BlockchainQueries chain, JsonRpcLimits limits) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
    this.limits = limits;
  }

  /** Blocks {@code from} to {@code to}, both included. */
  record Range(long from, long to) {}

  /** The logs eth_getLogs answers for {@code filter}. */
  List<LocatedLog> find(FilterParameters filter) throws JsonRpcException {
    if (filter.blockHash().isPresent()) {
      Hash hash = filter.blockHash().get();
      BlockHeader header = chain.header(hash)
          .orElseThrow(() -> new JsonRpcException(JsonRpcError.SERVER_ERROR, "unknown block " + hash));
      return search(new Range(header.number(), header.number()), Optional.of(header), filter.criteria());
    }
    return search(range(filter.fromBlock(), filter.toBlock()), Optional.empty(), filter.criteria());
  }

  /** The logs of the canonical blocks in {@code range} that {@code criteria} matches. */
  List<LocatedLog> inRange(Range range, LogCriteria criteria) throws JsonRpcException {
    return search(range, Optional.empty(), criteria);
  }

  /** Resolves a filter's ends against the current head, with Geth's checks and messages (execution-apis fixtures). */
  Range range(BlockParameter fromBlock, BlockParameter toBlock) throws JsonRpcException {
    long head = chain.latest().number();
    long from = number(fromBlock, head);
    long to = number(toBlock, head);
    if (from > to) {
      throw JsonRpcException.invalidParams("invalid block range params");
    }
    if (to > head) {
      throw JsonRpcException.invalidParams("block range extends beyond current head block");
    }
    return new Range(from, to);
  }

  static ArrayNode render(List<LocatedLog> logs) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (LocatedLog l : logs) {
      out.add(JsonRpcResults.log(l.log(), l.header(), l.transactionHash(), l.transactionIndex(), l.logIndex()));
    }
    return out;
  }

  private long number(BlockParameter block, long head) throws JsonRpcException {
    return switch (block) {
      case BlockParameter.ByNumber n -> n.number();
      case BlockParameter.ByTag tag when tag.tag() == BlockParameter.Tag.LATEST
          || tag.tag() == BlockParameter.Tag.PENDING -> head;
      default -> blocks.require(block).number();
    };
  }

  /** Searches {@code range}; {@code only} is the block of a blockHash query, which need not be canonical. */
  private List<LocatedLog> search(Range range, Optional<BlockHeader> only, LogCriteria criteria)
      throws JsonRpcException {
    long blockCount = range.to() - range.from() + 1;
    if (blockCount > limits.logsBlockRangeMax()) {
      throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, "block range of " + blockCount + " blocks exceeds the "
          + "limit of " + limits.logsBlockRangeMax() + "; narrow fromBlock/toBlock, e.g. fromBlock "
          + JsonRpcResults.quantity(range.from()) + " toBlock "
          + JsonRpcResults.quantity(range.from() + limits.logsBlockRangeMax() - 1));
    }
    List<LocatedLog> out = new ArrayList<>();
    for (long number = range.from(); number <= range.to(); number++) {
      Optional<BlockHeader> header = only.isPresent() ? only : chain.canonicalHash(number).flatMap(chain::header);
      if (header.isEmpty() || !criteria.mayMatch(header.get().logsBloom())) {
        continue;
      }
      Hash hash = header.get().hash();
      Optional<StoredBlock> block = chain.block(hash);
      Optional<List<Receipt>> receipts = chain.receipts(hash);
      if (block.isEmpty() || receipts.isEmpty()) {
        throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "logs of block " + JsonRpcResults.quantity(number)
            + " are not available on this node: it started by state sync from a later block and holds no receipts"
            + " before it");
      }
      out.addAll(LocatedLog.matching(block.get(), receipts.get(), criteria));
      if (out.size() > limits.logsResultsMax()) {
        throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, "query returned more than "
            + limits.logsResultsMax() + " logs; narrow the block range (the limit was reached in block "
            + JsonRpcResults.quantity(number) + ", so try fromBlock " + JsonRpcResults.quantity(range.from())
            + " toBlock " + JsonRpcResults.quantity(Math.max(range.from(), number - 1))
            + ") or filter by address or topics");
      }
    }
    return out;
  }
}
