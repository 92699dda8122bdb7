package io.luxtensor.cli;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refused transactions grouped by reason: the error message up to its first ": " or ". ", which for the node's
 * refusals is Geth's fixed wording ("nonce too low", "insufficient funds for gas * price + value") and for Hardhat's
 * its first sentence ("Nonce too high"), without the numbers of the case; the first whole message of each reason is
 * kept as its example. Not thread-safe: one owner.
 */
final class Rejections {
  /** Groups kept, {@link #OTHER} included, which counts the reasons beyond. The node has about 20 reasons. */
  static final int REASONS_MAX = 100;
  static final String OTHER = "other reasons";

  /**
   * @param reason the message up to its first ": " or ". "
   * @param count how many transactions were refused for it
   * @param example the first whole message
   */
  record Group(String reason, long count, String example) {}

  private final Map<String, Group> groups = new LinkedHashMap<>();
  private long total;

  void add(String message) {
    String reason = message.split(": |\\. ", 2)[0];
    if (!groups.containsKey(reason) && groups.size() >= REASONS_MAX - 1) {
      reason = OTHER;
    }
    groups.merge(reason, new Group(reason, 1, message), (old, one) -> new Group(old.reason(), old.count() + 1,
        old.example()));
    total++;
  }

  long total() {
    return total;
  }

  /** The groups, most frequent first. */
  List<Group> groups() {
    return groups.values().stream().sorted(Comparator.comparingLong(Group::count).reversed()).toList();
  }
}
