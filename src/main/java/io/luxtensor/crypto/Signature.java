package io.luxtensor.crypto;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A recoverable ECDSA signature over secp256k1. Components are not range-checked here, so that decoded input can be
 * represented and then rejected with a precise reason by {@link Secp256k1#recover} or {@link Secp256k1#verify}.
 *
 * @param r the x coordinate of the nonce point, modulo n
 * @param s the proof scalar
 * @param recoveryId the parity of the nonce point's y coordinate (0 or 1 when valid)
 */
public record Signature(BigInteger r, BigInteger s, int recoveryId) {
  public Signature {
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
  }

  /** 65 bytes: r (32) || s (32) || recovery id (1), the form eth_sign and keystores use. */
  public byte[] toBytes() {
    byte[] out = new byte[65];
    System.arraycopy(Secp256k1.toBytes32(r), 0, out, 0, 32);
    System.arraycopy(Secp256k1.toBytes32(s), 0, out, 32, 32);
    out[64] = (byte) recoveryId;
    return out;
  }
}
