package io.luxtensor.crypto;

import io.luxtensor.crypto.KeystoreException.Reason;

/**
 * How a keystore turns its password into the 32-byte key, with the limits every keystore must respect. The limits
 * apply to files we read as much as to files we write: a crafted file must not make the node allocate gigabytes or
 * compute for minutes.
 */
public sealed interface KdfParams permits KdfParams.ScryptParams, KdfParams.Pbkdf2Params {
  /** Both halves are used: the first 16 bytes are the AES-128 key, the last 16 authenticate the ciphertext. */
  int DERIVED_KEY_LENGTH = 32;

  /** Geth's standard scrypt setting, the one to use for keys that guard funds (about 1 s and 256 MiB). */
  ScryptParams STANDARD = new ScryptParams(1 << 18, 8, 1);

  /** Geth's light scrypt setting (n = 4096, p = 6): for tests and throw-away keys. */
  ScryptParams LIGHT = new ScryptParams(1 << 12, 8, 6);

  /** The 32-byte key for this password (UTF-8 bytes) and salt. */
  byte[] deriveKey(byte[] password, byte[] salt);

  /** scrypt (RFC 7914) with cost n, block size r and parallelism p. */
  record ScryptParams(int n, int r, int p) implements KdfParams {
    /** Geth's standard is 2^18; four times that leaves room for stronger settings of other wallets. */
    public static final int N_MAX = 1 << 20;
    /** Keystores in use have r = 8 (Geth, web3j, ethers) or r = 1 (ethereum/tests); 32 is generous. */
    public static final int R_MAX = 32;
    /** Geth's light setting has p = 6 and ethereum/tests p = 8; p multiplies time, not memory. */
    public static final int P_MAX = 16;
    /** The 128 n r bytes of scrypt's table: Geth's standard (n = 2^18, r = 8) needs exactly 256 MiB. */
    public static final long MEMORY_BYTES_MAX = 256L << 20;
    /** n r p, which the running time is proportional to: 2^21 for Geth's standard (about 1 s); up to 4 s allowed. */
    public static final long COST_MAX = 1L << 23;

    public ScryptParams {
      if (n < 2 || n > N_MAX || Integer.bitCount(n) != 1) {
        throw outOfBounds("n = " + n + " must be a power of two in [2, " + N_MAX + "]");
      }
      if (r < 1 || r > R_MAX) {
        throw outOfBounds("r = " + r + " must be in [1, " + R_MAX + "]");
      }
      if (p < 1 || p > P_MAX) {
        throw outOfBounds("p = " + p + " must be in [1, " + P_MAX + "]");
      }
      if (memoryBytes(n, r) > MEMORY_BYTES_MAX) {
        throw outOfBounds("n = " + n + " and r = " + r + " need " + memoryBytes(n, r) + " bytes, over " + MEMORY_BYTES_MAX);
      }
      if ((long) n * r * p > COST_MAX) {
        throw outOfBounds("n * r * p = " + (long) n * r * p + " is over " + COST_MAX);
      }
    }

    /** The size of scrypt's table for these parameters. */
    public static long memoryBytes(int n, int r) {
      return 128L * n * r;
    }

    @Override
    public byte[] deriveKey(byte[] password, byte[] salt) {
      return Scrypt.derive(password, salt, n, r, p, DERIVED_KEY_LENGTH);
    }
  }

  /** PBKDF2 with HMAC-SHA256 (the only pseudo-random function keystores use) and {@code iterations} rounds. */
  record Pbkdf2Params(int iterations) implements KdfParams {
    /** Keystores use 2^18 (Geth, ethereum/tests); OWASP asks for 600,000; 2^21 rounds take about 2 s. */
    public static final int ITERATIONS_MAX = 1 << 21;

    public Pbkdf2Params {
      if (iterations < 1 || iterations > ITERATIONS_MAX) {
        throw outOfBounds("c = " + iterations + " must be in [1, " + ITERATIONS_MAX + "]");
      }
    }

    @Override
    public byte[] deriveKey(byte[] password, byte[] salt) {
      return Pbkdf2.hmacSha256(password, salt, iterations, DERIVED_KEY_LENGTH);
    }
  }

  private static KeystoreException outOfBounds(String detail) {
    return new KeystoreException(Reason.KDF_PARAMS_OUT_OF_BOUNDS, "crypto.kdfparams." + detail);
  }
}
