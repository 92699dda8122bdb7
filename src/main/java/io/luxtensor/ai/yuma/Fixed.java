package io.luxtensor.ai.yuma;

import java.math.BigInteger;

/**
 * Non-negative fixed-point numbers with 32 fractional bits in a {@code long}: subtensor's I32F32 for the values Yuma
 * uses, all of them proportions or sums of a few. Every operation rounds down, so every node gets the same bits.
 */
final class Fixed {
  static final int FRACTION_BITS = 32;
  static final long ONE = 1L << FRACTION_BITS;
  static final int U16_MAX = 65_535;

  private Fixed() {}

  /** {@code a · b}, rounded down; both non-negative, the product below 2^31. */
  static long mul(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return (high << FRACTION_BITS) | (low >>> FRACTION_BITS);
  }

  /** {@code a / b}, rounded down; {@code b} positive. Also the fixed-point ratio of two integers of one unit. */
  static long div(long a, long b) {
    if (b <= 0) {
      throw new ArithmeticException("division by " + b);
    }
    if (a < (1L << 31)) {
      return (a << FRACTION_BITS) / b;
    }
    return BigInteger.valueOf(a).shiftLeft(FRACTION_BITS).divide(BigInteger.valueOf(b)).longValueExact();
  }

  /** {@code part / whole} of two non-negative integers of any size, {@code whole} positive. */
  static long ratio(BigInteger part, BigInteger whole) {
    return part.shiftLeft(FRACTION_BITS).divide(whole).longValueExact();
  }

  /** A u16 proportion ({@code value / 65535}). */
  static long fromU16(int value) {
    return div(value, U16_MAX);
  }

  /** A proportion in [0, 1] as u16 ({@code floor(p · 65535)}), as subtensor stores it. */
  static int toU16(long proportion) {
    return (int) Math.min(U16_MAX, (proportion * U16_MAX) >>> FRACTION_BITS);
  }

  /** {@code amount · proportion}, rounded down: a share of an integer amount. */
  static BigInteger share(BigInteger amount, long proportion) {
    return amount.multiply(BigInteger.valueOf(proportion)).shiftRight(FRACTION_BITS);
  }

  static long sum(long[] values) {
    long sum = 0;
    for (long value : values) {
      sum = Math.addExact(sum, value);
    }
    return sum;
  }

  /** {@code values} divided by their sum; all zero stays all zero. */
  static long[] normalize(long[] values) {
    long sum = sum(values);
    long[] normalized = new long[values.length];
    if (sum == 0) {
      return normalized;
    }
    for (int i = 0; i < values.length; i++) {
      normalized[i] = div(values[i], sum);
    }
    return normalized;
  }
}
