package io.luxtensor.api.filter;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A filter's id: 128 random bits, so one client cannot guess (and poll or uninstall) another's filter. Written as a
 * JSON-RPC quantity ({@code 0x} and lowercase hex without leading zeros), the form execution-apis specifies.
 */
public record FilterId(BigInteger value) {
  public static final int BITS = 128;

  public FilterId {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.bitLength() > BITS) {
      throw new IllegalArgumentException("a filter id is a " + BITS + "-bit unsigned number");
    }
  }

  /** A fresh id from {@code random}: the caller passes a SecureRandom (a seeded one in simulations). */
  public static FilterId random(RandomGenerator random) {
    byte[] bytes = new byte[BITS / 8];
    random.nextBytes(bytes);
    return new FilterId(new BigInteger(1, bytes));
  }

  /**
   * The id written as {@code text}, or empty if it cannot be one. Leading zeros are accepted because clients that
   * keep ids as numbers (web3j) may pad them when they write them back.
   */
  public static Optional<FilterId> parse(String text) {
    if (text == null || !text.startsWith("0x") || text.length() < 3 || text.length() > 2 + 2 * (BITS / 8) + 2) {
      return Optional.empty();
    }
    String digits = text.substring(2);
    if (!digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return Optional.empty();
    }
    BigInteger value = new BigInteger(digits, 16);
    return value.bitLength() > BITS ? Optional.empty() : Optional.of(new FilterId(value));
  }

  public String toHex() {
    return "0x" + value.toString(16);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
