package io.luxtensor.api.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.LogFilter;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses the address and topics of a log filter object ({@code {"address": ..., "topics": [...]}}). */
final class LogFilters {
  private LogFilters() {}

  static LogFilter parse(ObjectNode filter, int index) throws JsonRpcException {
    Set<Address> addresses = new HashSet<>();
    JsonNode address = filter.get("address");
    if (address != null && !address.isNull()) {
      if (address.isArray()) {
        for (JsonNode a : address) {
          addresses.add(address(a, index));
        }
      } else {
        addresses.add(address(address, index));
      }
    }
    List<Set<Hash>> topics = new ArrayList<>();
    JsonNode topicsNode = filter.get("topics");
    if (topicsNode != null && !topicsNode.isNull()) {
      if (!topicsNode.isArray() || topicsNode.size() > LogFilter.TOPIC_POSITIONS_MAX) {
        throw invalid(index, "topics must be an array of at most 4 positions");
      }
      for (JsonNode position : topicsNode) {
        if (position.isNull()) {
          topics.add(null);
        } else if (position.isArray()) {
          Set<Hash> any = new HashSet<>();
          for (JsonNode t : position) {
            any.add(hash(t, index));
          }
          topics.add(any);
        } else {
          topics.add(Set.of(hash(position, index)));
        }
      }
    }
    return new LogFilter(addresses, topics);
  }

  private static Address address(JsonNode node, int index) throws JsonRpcException {
    try {
      return Address.fromHex(node.asText());
    } catch (IllegalArgumentException e) {
      throw invalid(index, "address: " + e.getMessage());
    }
  }

  private static Hash hash(JsonNode node, int index) throws JsonRpcException {
    try {
      return Hash.fromHex(node.asText());
    } catch (IllegalArgumentException e) {
      throw invalid(index, "topic: " + e.getMessage());
    }
  }

  private static JsonRpcException invalid(int index, String problem) {
    return JsonRpcException.invalidParams("invalid argument " + index + " (filter): " + problem);
  }
}
