package io.luxtensor.types;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An amount of the native token in wei (10^18 wei = 1 LUX), in [0, 2^256 - 1] like every EVM balance.
 *
 * @param value the amount in wei
 */
public record Wei(BigInteger value) implements Comparable<Wei> {
  public static final BigInteger MAX_VALUE = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  public static final Wei ZERO = new Wei(BigInteger.ZERO);
  public static final int LUX_DECIMALS = 18;
  private static final BigDecimal WEI_PER_LUX = BigDecimal.TEN.pow(LUX_DECIMALS);

  public Wei {
    if (value.signum() < 0 || value.compareTo(MAX_VALUE) > 0) {
      throw new ArithmeticException("wei amount out of range [0, 2^256-1]: " + value);
    }
  }

  public static Wei of(long wei) {
    return new Wei(BigInteger.valueOf(wei));
  }

  public static Wei of(BigInteger wei) {
    return new Wei(wei);
  }

  /** Parses a decimal amount of LUX such as {@code "1.5"}; more than 18 decimals is an error, not a rounding. */
  public static Wei ofLux(String lux) {
    BigDecimal amount;
    try {
      amount = new BigDecimal(lux);
    } catch (NumberFormatException e) {
      throw new NumberFormatException("not a decimal amount of LUX: " + lux);
    }
    BigDecimal wei = amount.multiply(WEI_PER_LUX);
    try {
      return new Wei(wei.toBigIntegerExact());
    } catch (ArithmeticException e) {
      throw new ArithmeticException("LUX amounts have at most 18 decimals: " + lux);
    }
  }

  /** The amount in LUX as a plain decimal without trailing zeros, e.g. {@code "1.5"}. */
  public String toLuxString() {
    BigDecimal lux = new BigDecimal(value).divide(WEI_PER_LUX).stripTrailingZeros();
    return lux.signum() == 0 ? "0" : lux.toPlainString();
  }

  public Wei add(Wei other) {
    return new Wei(value.add(other.value));
  }

  public Wei subtract(Wei other) {
    return new Wei(value.subtract(other.value));
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  @Override
  public int compareTo(Wei other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value + " wei";
  }
}
