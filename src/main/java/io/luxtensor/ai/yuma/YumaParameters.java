package io.luxtensor.ai.yuma;

import java.math.BigInteger;

/**
 * A subnet's hyperparameters that Yuma reads, as subtensor names them.
 *
 * @param kappa the stake share (of 65535) whose weights a miner's consensus must reach; default 32767
 * @param bondsPenalty how far weights above consensus are cut before they form bonds (of 65535); default 65535
 * @param bondsMovingAverage the weight of old bonds in the moving average, per million; default 900000
 * @param activityCutoff blocks without setting weights after which a validator counts as inactive
 * @param maxAllowedValidators how many UIDs with the most stake hold a validator permit
 * @param stakeThreshold the least stake a UID needs to count at all
 */
public record YumaParameters(int kappa, int bondsPenalty, long bondsMovingAverage, long activityCutoff,
    int maxAllowedValidators, BigInteger stakeThreshold) {
  public static final int KAPPA_DEFAULT = 32_767;
  public static final int BONDS_PENALTY_DEFAULT = 65_535;
  public static final long BONDS_MOVING_AVERAGE_DEFAULT = 900_000;
  public static final long BONDS_MOVING_AVERAGE_SCALE = 1_000_000;

  public YumaParameters {
    if (kappa < 0 || kappa > Fixed.U16_MAX || bondsPenalty < 0 || bondsPenalty > Fixed.U16_MAX) {
      throw new IllegalArgumentException("kappa and bondsPenalty are u16: " + kappa + ", " + bondsPenalty);
    }
    if (bondsMovingAverage < 0 || bondsMovingAverage > BONDS_MOVING_AVERAGE_SCALE) {
      throw new IllegalArgumentException("bondsMovingAverage is per million: " + bondsMovingAverage);
    }
    if (activityCutoff < 0 || maxAllowedValidators < 0 || stakeThreshold.signum() < 0) {
      throw new IllegalArgumentException("negative activityCutoff, maxAllowedValidators or stakeThreshold");
    }
  }
}
