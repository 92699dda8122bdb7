package io.luxtensor.api.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.execution.FeeMarket;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Receipt;
import io.luxtensor.types.Transaction;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * {@code eth_feeHistory(blockCount, newestBlock, rewardPercentiles)}: base fees (including the next block's), gas
 * used ratios and, per requested percentile, the tip at that share of each block's gas (Geth's weighting).
 */
public final class EthFeeHistory implements JsonRpcMethod {
  /** Geth's bound on blocks per request: each block costs a body and receipts read. */
  static final int BLOCK_COUNT_MAX = 1024;
  /** More percentiles than this is not a fee question but a load test. */
  static final int PERCENTILES_MAX = 100;

  private final BlockchainQueries chain;
  private final BlockResolver blocks;
  private final BigInteger minBaseFee;

  public EthFeeHistory(BlockchainQueries chain, BigInteger minBaseFee) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
    this.minBaseFee = minBaseFee;
  }

  @Override
  public String name() {
    return "eth_feeHistory";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(3);
    JsonNode countNode = params.required(0, "blockCount");
    long requested = countNode.isIntegralNumber() ? countNode.longValue() : params.quantity(0, "blockCount").longValue();
    if (requested < 1 || requested > BLOCK_COUNT_MAX) {
      throw JsonRpcException.invalidParams(
          "invalid argument 0 (blockCount): must be between 1 and " + BLOCK_COUNT_MAX + ", got " + requested);
    }
    BlockHeader newest = blocks.require(params.block(1, "newestBlock"));
    List<Double> percentiles = percentiles(params);

    Deque<BlockHeader> headers = new ArrayDeque<>();
    BlockHeader header = newest;
    while (headers.size() < requested) {
      headers.addFirst(header);
      if (header.number() == 0) {
        break;
      }
      header = chain.header(header.parentHash()).orElseThrow();
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("oldestBlock", JsonRpcResults.quantity(headers.getFirst().number()));
    ArrayNode baseFees = out.putArray("baseFeePerGas");
    ArrayNode ratios = out.putArray("gasUsedRatio");
    ArrayNode rewards = percentiles.isEmpty() ? null : out.putArray("reward");
    for (BlockHeader h : headers) {
      baseFees.add(JsonRpcResults.quantity(h.baseFeePerGas()));
      ratios.add(h.gasLimit() == 0 ? 0.0 : (double) h.gasUsed() / h.gasLimit());
      if (rewards != null) {
        ArrayNode row = rewards.addArray();
        rewardsOf(h, percentiles).forEach(r -> row.add(JsonRpcResults.quantity(r)));
      }
    }
    baseFees.add(JsonRpcResults.quantity(
        FeeMarket.nextBaseFee(newest.gasUsed(), newest.gasLimit(), newest.baseFeePerGas(), minBaseFee)));
    return out;
  }

  private static List<Double> percentiles(JsonRpcParams params) throws JsonRpcException {
    List<Double> out = new ArrayList<>();
    if (params.optional(2).isEmpty()) {
      return out;
    }
    JsonNode node = params.required(2, "rewardPercentiles");
    if (!node.isArray() || node.size() > PERCENTILES_MAX) {
      throw JsonRpcException.invalidParams("invalid argument 2 (rewardPercentiles): an array of at most "
          + PERCENTILES_MAX + " numbers");
    }
    double previous = -1;
    for (JsonNode p : node) {
      double value = p.asDouble(-1);
      if (!p.isNumber() || value < 0 || value > 100 || value < previous) {
        throw JsonRpcException.invalidParams(
            "invalid argument 2 (rewardPercentiles): numbers from 0 to 100 in ascending order");
      }
      out.add(value);
      previous = value;
    }
    return out;
  }

  private List<BigInteger> rewardsOf(BlockHeader header, List<Double> percentiles) {
    List<BigInteger> out = new ArrayList<>();
    StoredBlock block = chain.block(header.hash()).orElseThrow();
    List<Receipt> receipts = chain.receipts(header.hash()).orElse(List.of());
    if (block.block().transactions().isEmpty() || receipts.size() != block.block().transactions().size()) {
      percentiles.forEach(p -> out.add(BigInteger.ZERO));
      return out;
    }
    record TipAndGas(BigInteger tip, long gas) {}
    List<TipAndGas> tips = new ArrayList<>();
    long previousCumulative = 0;
    for (int i = 0; i < receipts.size(); i++) {
      Transaction tx = block.block().transactions().get(i);
      long gas = receipts.get(i).cumulativeGasUsed() - previousCumulative;
      previousCumulative = receipts.get(i).cumulativeGasUsed();
      tips.add(new TipAndGas(tx.effectiveGasPrice(header.baseFeePerGas()).subtract(header.baseFeePerGas()), gas));
    }
    tips.sort(Comparator.comparing(TipAndGas::tip));
    int index = 0;
    long sum = tips.get(0).gas();
    for (double percentile : percentiles) {
      double threshold = header.gasUsed() * percentile / 100;
      while (sum < threshold && index < tips.size() - 1) {
        index++;
        sum += tips.get(index).gas();
      }
      out.add(tips.get(index).tip());
    }
    return out;
  }
}
