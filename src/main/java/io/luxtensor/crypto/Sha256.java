package io.luxtensor.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** SHA-256, for BIP-39 checksums, BIP-32 key identifiers and Base58Check. */
final class Sha256 {
  static final int LENGTH = 32;

  private Sha256() {}

  static byte[] hash(byte[] input) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[LENGTH];
    digest.doFinal(out, 0);
    return out;
  }
}
