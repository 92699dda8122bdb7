package io.luxtensor.ai;

import java.util.Optional;

/**
 * What a subnet's owner may tune, with subtensor's defaults and the bounds every node enforces.
 *
 * @param tempo blocks between two Yuma epochs of the subnet (1 to 65535; default 360)
 * @param maxUids UID slots (1 to 4096; default 256)
 * @param maxValidators UIDs with the most stake that hold a validator permit (1 to maxUids; default 64)
 * @param immunityPeriod blocks after registration during which a UID cannot be replaced (0 to 65535; default 4096)
 * @param activityCutoff blocks without setting weights after which a validator is inactive (1 to 65535; default
 *     5000)
 * @param weightsRateLimit blocks a validator waits between two weight settings (0 to 65535; default 100)
 * @param minAllowedWeights the fewest UIDs a validator's weights must name (0 to maxUids; default 1)
 * @param kappa the stake share (of 65535) consensus must reach (0 to 65535; default 32767)
 * @param bondsMovingAverage the weight of old bonds, per million (0 to 999999; default 900000)
 * @param commitReveal whether weights are committed as a hash first and revealed later (default off)
 * @param commitRevealPeriod tempos between a commitment and its reveal (1 to 100; default 1)
 */
public record SubnetHyperparameters(int tempo, int maxUids, int maxValidators, int immunityPeriod, int activityCutoff,
    int weightsRateLimit, int minAllowedWeights, int kappa, int bondsMovingAverage, boolean commitReveal,
    int commitRevealPeriod) {
  public static final int U16_MAX = 65_535;
  public static final int UIDS_MAX = 4_096;
  public static final int BONDS_MOVING_AVERAGE_MAX = 999_999;
  public static final int COMMIT_REVEAL_PERIOD_MAX = 100;

  public static final SubnetHyperparameters DEFAULTS =
      new SubnetHyperparameters(360, 256, 64, 4_096, 5_000, 100, 1, 32_767, 900_000, false, 1);

  /** What is out of bounds, naming the parameter and its bounds; empty if all are within them. */
  public Optional<String> problem() {
    return outside("tempo", tempo, 1, U16_MAX)
        .or(() -> outside("maxUids", maxUids, 1, UIDS_MAX))
        .or(() -> outside("maxValidators", maxValidators, 1, maxUids))
        .or(() -> outside("immunityPeriod", immunityPeriod, 0, U16_MAX))
        .or(() -> outside("activityCutoff", activityCutoff, 1, U16_MAX))
        .or(() -> outside("weightsRateLimit", weightsRateLimit, 0, U16_MAX))
        .or(() -> outside("minAllowedWeights", minAllowedWeights, 0, maxUids))
        .or(() -> outside("kappa", kappa, 0, U16_MAX))
        .or(() -> outside("bondsMovingAverage", bondsMovingAverage, 0, BONDS_MOVING_AVERAGE_MAX))
        .or(() -> outside("commitRevealPeriod", commitRevealPeriod, 1, COMMIT_REVEAL_PERIOD_MAX));
  }

  private static Optional<String> outside(String name, long value, long min, long max) {
    return value < min || value > max
        ? Optional.of(name + " must be from " + min + " to " + max + ", not " + value) : Optional.empty();
  }
}
