package io.luxtensor.execution;

import java.math.BigInteger;

/** EIP-1559's base fee: it moves by up to 1/8 a block toward keeping blocks half full. */
public final class FeeMarket {
  /** Blocks target half their gas limit. */
  public static final long ELASTICITY_MULTIPLIER = 2;
  /** The base fee changes by at most 1/8 per block. */
  public static final long BASE_FEE_MAX_CHANGE_DENOMINATOR = 8;

  private FeeMarket() {}

  /**
   * The base fee of the child of a block with these fields, never below {@code minBaseFee} (a chain parameter; 0
   * gives Ethereum's rule exactly).
   */
  public static BigInteger nextBaseFee(long parentGasUsed, long parentGasLimit, BigInteger parentBaseFee,
      BigInteger minBaseFee) {
    long target = parentGasLimit / ELASTICITY_MULTIPLIER;
    BigInteger next;
    if (parentGasUsed == target || target == 0) {
      next = parentBaseFee;
    } else if (parentGasUsed > target) {
      BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(parentGasUsed - target))
          .divide(BigInteger.valueOf(target)).divide(BigInteger.valueOf(BASE_FEE_MAX_CHANGE_DENOMINATOR));
      next = parentBaseFee.add(delta.max(BigInteger.ONE));
    } else {
      BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(target - parentGasUsed))
          .divide(BigInteger.valueOf(target)).divide(BigInteger.valueOf(BASE_FEE_MAX_CHANGE_DENOMINATOR));
      next = parentBaseFee.subtract(delta);
    }
    return next.max(minBaseFee);
  }
}
