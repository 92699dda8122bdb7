package io.luxtensor.testing;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** SecureRandom streams fixed by a seed, so that tests of code taking randomness as an argument are reproducible. */
public final class SeededRandom {
  private SeededRandom() {}

  /**
   * SHA1PRNG seeded before first use is deterministic: the same seed gives the same bytes. The seed goes in as bytes:
   * {@link SecureRandom#setSeed(long)} ignores a seed of 0.
   */
  public static SecureRandom of(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG is in every Java platform", e);
    }
  }
}
