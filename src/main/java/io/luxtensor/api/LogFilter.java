package io.luxtensor.api;

import io.luxtensor.types.Address;
import io.luxtensor.types.Bloom;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Log;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Which logs a subscription or filter wants: emitted by one of {@code addresses} (any if empty), with each topic
 * position matching one of its hashes (a null position, or a position past the list, matches anything).
 *
 * @param addresses emitting contracts; empty for any
 * @param topics per position, the accepted topics; null for any
 */
public record LogFilter(Set<Address> addresses, List<Set<Hash>> topics) {
  /** Ethereum logs have at most four topics, so a filter has at most four positions. */
  public static final int TOPIC_POSITIONS_MAX = 4;

  public LogFilter {
    addresses = Set.copyOf(addresses);
    if (topics.size() > TOPIC_POSITIONS_MAX) {
      throw new IllegalArgumentException("at most 4 topic positions, got " + topics.size());
    }
    topics = Collections.unmodifiableList(new ArrayList<>(topics));
  }

  public static final LogFilter ANY = new LogFilter(Set.of(), List.of());

  public boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      Set<Hash> accepted = topics.get(i);
      if (accepted == null) {
        continue;
      }
      if (i >= log.topics().size() || !accepted.contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }

  /** False when the bloom proves no log in the block can match; true when one may. */
  public boolean mayMatch(Bloom bloom) {
    if (!addresses.isEmpty() && addresses.stream().noneMatch(a -> bloom.mightContain(a.toBytes()))) {
      return false;
    }
    for (Set<Hash> accepted : topics) {
      if (accepted != null && !accepted.isEmpty() && accepted.stream().noneMatch(t -> bloom.mightContain(t.toBytes()))) {
        return false;
      }
    }
    return true;
  }
}
