package io.luxtensor.ai;

import java.math.BigInteger;
import java.util.Optional;

/**
 * What registering costs, as subtensor prices it. A subnet's lock doubles after each registration and decays
 * linearly back to the minimum, so a burst of registrations grows dear while a quiet chain returns to the floor. A
 * neuron's burn follows demand: each adjustment interval it is scaled by (registrations + target) / (2 · target), so
 * it rises when more than the target registered and falls when fewer did, within the subnet's bounds.
 */
public final class RegistrationPricing {
  private RegistrationPricing() {}

  /**
   * The lock of a subnet registered in {@code block}, the last having locked {@code lastLock} in {@code lastBlock}
   * (empty if none has): twice the last, less {@code lastLock / decayBlocks} per block since, at least
   * {@code minimum}.
   */
  public static BigInteger subnetLock(BigInteger lastLock, Optional<Long> lastBlock, long block, BigInteger minimum,
      long decayBlocks) {
    if (lastBlock.isEmpty()) {
      return lastLock.max(minimum);
    }
    BigInteger decayed = lastLock.divide(BigInteger.valueOf(decayBlocks))
        .multiply(BigInteger.valueOf(block - lastBlock.get()));
    return lastLock.shiftLeft(1).subtract(decayed).max(minimum);
  }

  /**
   * The burn for the next adjustment interval, after {@code registrations} in the last one against a target of
   * {@code target} (at least 1), kept within [{@code minimum}, {@code maximum}].
   */
  public static BigInteger nextBurn(BigInteger burn, long registrations, long target, BigInteger minimum,
      BigInteger maximum) {
    BigInteger scaled = burn.multiply(BigInteger.valueOf(registrations + target))
        .divide(BigInteger.valueOf(2 * target));
    return scaled.max(minimum).min(maximum);
  }
}
