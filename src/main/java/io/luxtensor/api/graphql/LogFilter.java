package io.luxtensor.api.graphql;

import io.luxtensor.types.Address;
import io.luxtensor.types.Bloom;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Log;
import java.util.List;
import java.util.Map;

/**
 * The address and topic part of FilterCriteria and BlockFilterCriteria, matched as eth_getLogs matches: any of the
 * addresses (all when none); per position, any of the listed topics (any topic when the list is empty); a log with
 * fewer topics than positions does not match.
 *
 * @param addresses the emitting contracts of interest; empty for all
 * @param topics alternatives per topic position
 */
record LogFilter(List<Address> addresses, List<List<Hash>> topics) {

  LogFilter {
    addresses = List.copyOf(addresses);
    topics = topics.stream().map(List::copyOf).toList();
  }

  /** From a coerced FilterCriteria or BlockFilterCriteria argument. */
  @SuppressWarnings("unchecked")
  static LogFilter from(Map<String, Object> criteria) {
    List<Address> addresses = (List<Address>) criteria.get("addresses");
    List<List<Hash>> topics = (List<List<Hash>>) criteria.get("topics");
    return new LogFilter(addresses == null ? List.of() : addresses, topics == null ? List.of() : topics);
  }

  /** False when the block's bloom proves that none of its logs match. */
  boolean mightMatch(Bloom bloom) {
    if (!addresses.isEmpty() && addresses.stream().noneMatch(a -> bloom.mightContain(a.toBytes()))) {
      return false;
    }
    for (List<Hash> alternatives : topics) {
      if (!alternatives.isEmpty() && alternatives.stream().noneMatch(t -> bloom.mightContain(t.toBytes()))) {
        return false;
      }
    }
    return true;
  }

  boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    if (topics.size() > log.topics().size()) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      if (!topics.get(i).isEmpty() && !topics.get(i).contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }
}
