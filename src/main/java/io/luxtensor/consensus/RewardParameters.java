package io.luxtensor.consensus;

import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What validators earn.
 *
 * @param issuancePerEpoch new LUX an epoch of full participation mints
 * @param proposerPercent the share of each slot's issuance that goes to the slot's proposer; the rest goes to the
 *     validators whose votes for the slot before were carried into the block, by stake
 */
public record RewardParameters(Wei issuancePerEpoch, int proposerPercent) {
  /**
   * The most an epoch may mint, in wei: 2^128 (about 3.4 * 10^20 LUX). Minted for 2^64 epochs it stays below 2^256, so
   * issuance can never overflow a balance.
   */
  public static final BigInteger ISSUANCE_PER_EPOCH_MAX = BigInteger.ONE.shiftLeft(128);
  /** One LUX an epoch, an eighth (rounded down to 12%) of it to proposers. */
  public static final RewardParameters DEFAULT = new RewardParameters(Wei.ofLux("1"), 12);

  public RewardParameters {
    Objects.requireNonNull(issuancePerEpoch, "issuancePerEpoch");
    if (issuancePerEpoch.value().compareTo(ISSUANCE_PER_EPOCH_MAX) > 0) {
      throw new IllegalArgumentException("issuancePerEpoch must be in [0, 2^128] wei, got " + issuancePerEpoch);
    }
    if (proposerPercent < 0 || proposerPercent > 100) {
      throw new IllegalArgumentException("proposerPercent must be in [0, 100], got " + proposerPercent);
    }
  }
}
