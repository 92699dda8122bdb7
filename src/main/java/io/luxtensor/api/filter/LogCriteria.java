package io.luxtensor.api.filter;

import io.luxtensor.types.Address;
import io.luxtensor.types.Bloom;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Log;
import java.util.List;
import java.util.Set;

/**
 * Which logs a query or filter wants: those from any of {@code addresses} (any address when empty) whose topic at
 * each position is any of that position's hashes (any topic when the set is empty), as eth_getLogs defines it.
 *
 * @param addresses the emitting contracts; empty matches every address
 * @param topics per position, the accepted topics; an empty set is a wildcard; a log with fewer topics than
 *     positions never matches (Geth's rule, wildcards included)
 */
public record LogCriteria(Set<Address> addresses, List<Set<Hash>> topics) {
  public static final LogCriteria ANY = new LogCriteria(Set.of(), List.of());

  public LogCriteria {
    addresses = Set.copyOf(addresses);
    topics = topics.stream().<Set<Hash>>map(Set::copyOf).toList();
    if (topics.size() > Log.TOPICS_MAX) {
      throw new IllegalArgumentException("a log has at most " + Log.TOPICS_MAX + " topics, got " + topics.size());
    }
  }

  public boolean matches(Log log) {
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

  /** False only when no log under {@code bloom} can match: a block whose header bloom says so is skipped unread. */
  public boolean mayMatch(Bloom bloom) {
    if (!addresses.isEmpty() && addresses.stream().noneMatch(a -> bloom.mightContain(a.toBytes()))) {
      return false;
    }
    for (Set<Hash> position : topics) {
      if (!position.isEmpty() && position.stream().noneMatch(t -> bloom.mightContain(t.toBytes()))) {
        return false;
      }
    }
    return true;
  }
}
