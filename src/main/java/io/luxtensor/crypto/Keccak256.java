package io.luxtensor.crypto;

import java.util.Objects;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256). */
public final class Keccak256 {
  public static final int LENGTH = 32;
  /**
   * One digest per thread, reset by every doFinal: constructing a KeccakDigest looks up BouncyCastle's crypto service
   * properties, which cost more than hashing a transaction (3% of the dev node's CPU under load, JFR).
   */
  private static final ThreadLocal<KeccakDigest> DIGEST = ThreadLocal.withInitial(() -> new KeccakDigest(256));

  private Keccak256() {}

  public static byte[] hash(byte[] input) {
    return hash(input, 0, input.length);
  }

  public static byte[] hash(byte[] input, int offset, int length) {
    // Checked before the shared digest absorbs anything, so that a bad range cannot leave it half-fed.
    Objects.checkFromIndexSize(offset, length, input.length);
    KeccakDigest digest = DIGEST.get();
    digest.update(input, offset, length);
    byte[] out = new byte[LENGTH];
    digest.doFinal(out, 0);
    return out;
  }
}
