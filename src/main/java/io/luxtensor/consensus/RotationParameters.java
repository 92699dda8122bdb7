package io.luxtensor.consensus;

import io.luxtensor.types.Wei;
import java.util.Objects;

/**
 * The rules of validator rotation.
 *
 * @param minimumStake the least stake a validator may be activated with, and keep through inactivity penalties
 * @param activeMax the most validators active in one epoch
 * @param churnLimit the most activations and exits scheduled at one epoch boundary
 * @param delayEpochs epochs from the epoch of a request to the epoch it takes effect in, for activations and exits
 *     alike (one delay for both keeps the active set within {@code activeMax} at every epoch)
 * @param withdrawalDelayEpochs epochs after its exit before a validator's stake may be withdrawn, so evidence of an
 *     offence committed while active can still slash it
 */
public record RotationParameters(Wei minimumStake, int activeMax, int churnLimit, long delayEpochs,
    long withdrawalDelayEpochs) {
  /** Every seat changing hands at one boundary: an exit and an activation each. */
  public static final int CHURN_LIMIT_MAX = 2 * ValidatorSet.ACTIVE_VALIDATORS_MAX;
  /**
   * The longest delay or grace in epochs: 2^32 epochs are thousands of years at any slot length, so a larger value
   * is a typo, and an epoch plus it stays far from overflowing a long.
   */
  public static final long EPOCHS_MAX = 1L << 32;
  /** DESIGN §5: 32 LUX, 100 validators, activations and exits two epochs after the request. */
  public static final RotationParameters DEFAULT = new RotationParameters(Wei.ofLux("32"), ValidatorSet.ACTIVE_VALIDATORS_MAX,
      4, 2, 2);

  public RotationParameters {
    Objects.requireNonNull(minimumStake, "minimumStake");
    if (minimumStake.isZero()) {
      throw new IllegalArgumentException("minimumStake must be positive");
    }
    if (activeMax < 1 || activeMax > ValidatorSet.ACTIVE_VALIDATORS_MAX) {
      throw new IllegalArgumentException("activeMax must be in [1, " + ValidatorSet.ACTIVE_VALIDATORS_MAX + "], got " + activeMax);
    }
    if (churnLimit < 1 || churnLimit > CHURN_LIMIT_MAX) {
      throw new IllegalArgumentException("churnLimit must be in [1, " + CHURN_LIMIT_MAX + "], got " + churnLimit);
    }
    if (delayEpochs < 1 || delayEpochs > EPOCHS_MAX) {
      throw new IllegalArgumentException("delayEpochs must be in [1, " + EPOCHS_MAX + "], got " + delayEpochs);
    }
    if (withdrawalDelayEpochs < 0 || withdrawalDelayEpochs > EPOCHS_MAX) {
      throw new IllegalArgumentException("withdrawalDelayEpochs must be in [0, " + EPOCHS_MAX + "], got "
          + withdrawalDelayEpochs);
    }
  }
}
