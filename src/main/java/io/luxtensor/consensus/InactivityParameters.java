package io.luxtensor.consensus;

/**
 * What a long absence costs.
 *
 * @param graceEpochs epochs in a row a validator may be active without any vote of its carried on chain, and lose
 *     nothing
 * @param penaltyBasisPoints the share of its stake, in ten-thousandths, it loses for each further epoch it stays absent
 *     (0: absence costs nothing but the rewards)
 */
public record InactivityParameters(long graceEpochs, int penaltyBasisPoints) {
  /** A whole stake, in basis points. */
  public static final int BASIS_POINTS = 10_000;
  /**
   * 256 epochs (about 68 minutes of 32 slots of 500 ms): a restart or an upgrade costs nothing but rewards; then 0.1%
   * of the stake an epoch, about a fifth an hour, and a validator at the minimum stake leaves at the first penalty.
   */
  public static final InactivityParameters DEFAULT = new InactivityParameters(256, 10);

  public InactivityParameters {
    if (graceEpochs < 0 || graceEpochs > RotationParameters.EPOCHS_MAX) {
      throw new IllegalArgumentException("graceEpochs must be in [0, " + RotationParameters.EPOCHS_MAX + "], got "
          + graceEpochs);
    }
    if (penaltyBasisPoints < 0 || penaltyBasisPoints > BASIS_POINTS) {
      throw new IllegalArgumentException("penaltyBasisPoints must be in [0, " + BASIS_POINTS + "], got "
          + penaltyBasisPoints);
    }
  }
}
