package io.luxtensor.api.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.filter.LogCriteria;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Log;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The filter object of eth_getLogs and eth_newFilter: {@code blockHash}, or {@code fromBlock} and {@code toBlock}
 * (default "latest"); {@code address} (one or an array); {@code topics}, per position null (any), a topic, or an
 * array of alternatives (a null among them makes the position "any", as in Geth).
 *
 * @param blockHash the one block to search, if given
 * @param fromBlock the first block of the range
 * @param toBlock the last block of the range
 * @param criteria addresses and topics
 */
public record FilterParameters(Optional<Hash> blockHash, BlockParameter fromBlock, BlockParameter toBlock,
    LogCriteria criteria) {
  /** Geth's bound on addresses per filter: each one is a bloom probe per block searched. */
  static final int ADDRESSES_MAX = 1_000;
  /** Geth's bound on alternatives per topic position, for the same reason. */
  static final int TOPIC_ALTERNATIVES_MAX = 1_000;

  static FilterParameters parse(JsonRpcParams params, int index) throws JsonRpcException {
    ObjectNode filter = params.object(index, "filter");
    Optional<Hash> blockHash = present(filter, "blockHash")
        ? Optional.of(JsonRpcParams.at(index, filter.get("blockHash")).hash(index, "filter.blockHash"))
        : Optional.empty();
    if (blockHash.isPresent() && (present(filter, "fromBlock") || present(filter, "toBlock"))) {
      // Geth's words, which the execution-apis fixture expects.
      throw JsonRpcException.invalidParams("invalid argument " + index
          + ": cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
    }
    BlockParameter from = rangeEnd(filter, "fromBlock", index);
    BlockParameter to = rangeEnd(filter, "toBlock", index);
    return new FilterParameters(blockHash, from, to, criteria(filter, index));
  }

  /** The address and topics of a filter object (also eth_subscribe's "logs" filter). */
  public static LogCriteria criteria(ObjectNode filter, int index) throws JsonRpcException {
    return new LogCriteria(addresses(filter, index), topics(filter, index));
  }

  private static BlockParameter rangeEnd(ObjectNode filter, String field, int index) throws JsonRpcException {
    BlockParameter block = JsonRpcParams.at(index, filter.get(field))
        .block(index, "filter." + field, BlockParameter.LATEST);
    if (block instanceof BlockParameter.ByHash) {
      throw JsonRpcException.invalidParams("invalid argument " + index + " (filter." + field
          + "): expected a block number or tag; use blockHash for one block");
    }
    return block;
  }

  private static Set<Address> addresses(ObjectNode filter, int index) throws JsonRpcException {
    JsonNode node = filter.get("address");
    Set<Address> out = new HashSet<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      out.add(JsonRpcParams.at(index, node).address(index, "filter.address"));
      return out;
    }
    if (node.size() > ADDRESSES_MAX) {
      throw JsonRpcException.invalidParams("invalid argument " + index + " (filter.address): at most "
          + ADDRESSES_MAX + " addresses, got " + node.size());
    }
    for (int i = 0; i < node.size(); i++) {
      out.add(JsonRpcParams.at(index, node.get(i)).address(index, "filter.address[" + i + "]"));
    }
    return out;
  }

  private static List<Set<Hash>> topics(ObjectNode filter, int index) throws JsonRpcException {
    JsonNode node = filter.get("topics");
    List<Set<Hash>> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw JsonRpcException.invalidParams("invalid argument " + index + " (filter.topics): expected an array");
    }
    if (node.size() > Log.TOPICS_MAX) {
      throw JsonRpcException.invalidParams("invalid argument " + index + " (filter.topics): at most "
          + Log.TOPICS_MAX + " positions, got " + node.size());
    }
    for (int position = 0; position < node.size(); position++) {
      out.add(alternatives(node.get(position), index, "filter.topics[" + position + "]"));
    }
    return out;
  }

  /** The topics accepted at one position; empty means any. */
  private static Set<Hash> alternatives(JsonNode node, int index, String name) throws JsonRpcException {
    Set<Hash> out = new HashSet<>();
    if (node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      out.add(JsonRpcParams.at(index, node).hash(index, name));
      return out;
    }
    if (node.size() > TOPIC_ALTERNATIVES_MAX) {
      throw JsonRpcException.invalidParams("invalid argument " + index + " (" + name + "): at most "
          + TOPIC_ALTERNATIVES_MAX + " alternatives, got " + node.size());
    }
    for (int i = 0; i < node.size(); i++) {
      if (node.get(i).isNull()) {
        return new HashSet<>();
      }
      out.add(JsonRpcParams.at(index, node.get(i)).hash(index, name + "[" + i + "]"));
    }
    return out;
  }

  private static boolean present(ObjectNode filter, String field) {
    return filter.has(field) && !filter.get(field).isNull();
  }
}
