package io.luxtensor.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Subtensor's checks on the weights a UID sets, and the scaling of what passes: the values are scaled up so the
 * largest is 65535 (a validator's weights are relative; the scale makes them comparable). A check that fails names
 * the rule, for the revert reason.
 */
public final class WeightsCheck {
  private WeightsCheck() {}

  /** The outcome: the weights as stored (UID, u16), or why they were refused. */
  public sealed interface Outcome {
    record Accepted(List<Weight> weights) implements Outcome {
      public Accepted {
        weights = List.copyOf(weights);
      }
    }

    record Refused(String reason) implements Outcome {}
  }

  /** One weight: on {@code uid}, {@code value} of 65535. */
  public record Weight(int uid, int value) {}

  /**
   * Checks the weights UID {@code setter} sets in block {@code block}, on a subnet of {@code subnetSize} UIDs; it last
   * set weights in {@code lastSet} (empty if never) and holds a validator permit or not.
   */
  public static Outcome check(int setter, boolean permit, Optional<Long> lastSet, long block, int subnetSize,
      SubnetHyperparameters parameters, List<Long> uids, List<Long> values) {
    if (uids.size() != values.size()) {
      return refused(uids.size() + " UIDs but " + values.size() + " values");
    }
    boolean selfOnly = uids.size() == 1 && uids.getFirst() == setter;
    if (!permit && !selfOnly) {
      return refused("UID " + setter + " has no validator permit: without one, a UID may set a weight on itself only");
    }
    if (lastSet.isPresent() && block - lastSet.get() < parameters.weightsRateLimit()) {
      return refused("weights were set in block " + lastSet.get() + "; the subnet allows it every "
          + parameters.weightsRateLimit() + " blocks");
    }
    TreeSet<Long> seen = new TreeSet<>();
    for (long uid : uids) {
      if (!seen.add(uid)) {
        return refused("UID " + uid + " appears twice");
      }
      if (uid < 0 || uid >= subnetSize) {
        return refused("UID " + uid + " does not exist (the subnet has " + subnetSize + ")");
      }
    }
    for (long value : values) {
      if (value < 0 || value > SubnetHyperparameters.U16_MAX) {
        return refused("weight " + value + " is not a u16");
      }
    }
    int required = Math.min(parameters.minAllowedWeights(), subnetSize);
    if (!selfOnly && uids.size() < required) {
      return refused(uids.size() + " weights; the subnet requires at least " + required);
    }
    long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
    List<Weight> scaled = new ArrayList<>(uids.size());
    for (int i = 0; i < uids.size(); i++) {
      long value = max == 0 ? 0 : values.get(i) * SubnetHyperparameters.U16_MAX / max;
      scaled.add(new Weight(uids.get(i).intValue(), (int) value));
    }
    return new Outcome.Accepted(scaled);
  }

  private static Outcome refused(String reason) {
    return new Outcome.Refused(reason);
  }
}
