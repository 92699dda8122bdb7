package io.luxtensor.crypto;

import java.util.Arrays;

/**
 * The scrypt key derivation function (RFC 7914). Callers bound the parameters ({@link KdfParams.ScryptParams}).
 *
 * <p>BouncyCastle's {@code SCrypt} is not used because it enforces the RFC's n &lt; 2^(16 r), refusing r = 1 with
 * n &ge; 2^16; Geth does not apply that rule and keystores in the wild rely on it (ethereum/tests KeyStoreTests
 * {@code test2}: n = 2^18, r = 1, p = 8). The rule only matters to implementations that read more than 16 r bits in
 * Integerify; this one reads 32 bits and n &le; 2^20, so every accepted n is used in full.
 */
final class Scrypt {
  private static final int SALSA_WORDS = 16;

  private Scrypt() {}

  static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int keyLength) {
    if (n < 2 || Integer.bitCount(n) != 1 || r < 1 || p < 1) {
      throw new IllegalArgumentException("scrypt needs n a power of two >= 2, r >= 1, p >= 1");
    }
    int blockBytes = 128 * r;
    byte[] blocks = Pbkdf2.hmacSha256(password, salt, 1, p * blockBytes);
    int[] x = new int[32 * r];
    int[] scratch = new int[n * 32 * r];
    int[] mixed = new int[32 * r];
    int[] salsa = new int[SALSA_WORDS];
    for (int i = 0; i < p; i++) {
      readLittleEndian(blocks, i * blockBytes, x);
      roMix(x, n, r, scratch, mixed, salsa);
      writeLittleEndian(x, blocks, i * blockBytes);
    }
    byte[] key = Pbkdf2.hmacSha256(password, blocks, 1, keyLength);
    Arrays.fill(blocks, (byte) 0);
    Arrays.fill(scratch, 0);
    Arrays.fill(x, 0);
    Arrays.fill(mixed, 0);
    return key;
  }

  /** RFC 7914 section 5: x becomes ROMix(x). */
  private static void roMix(int[] x, int n, int r, int[] scratch, int[] mixed, int[] salsa) {
    int length = x.length;
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, 0, scratch, i * length, length);
      blockMix(x, mixed, r, salsa);
      System.arraycopy(mixed, 0, x, 0, length);
    }
    int lastBlock = (2 * r - 1) * SALSA_WORDS;
    for (int i = 0; i < n; i++) {
      int j = x[lastBlock] & (n - 1);
      int offset = j * length;
      for (int k = 0; k < length; k++) {
        x[k] ^= scratch[offset + k];
      }
      blockMix(x, mixed, r, salsa);
      System.arraycopy(mixed, 0, x, 0, length);
    }
  }

  /** RFC 7914 section 4: out = BlockMix(in), even-indexed results first, then odd. */
  private static void blockMix(int[] in, int[] out, int r, int[] salsa) {
    System.arraycopy(in, (2 * r - 1) * SALSA_WORDS, salsa, 0, SALSA_WORDS);
    for (int i = 0; i < 2 * r; i++) {
      for (int k = 0; k < SALSA_WORDS; k++) {
        salsa[k] ^= in[i * SALSA_WORDS + k];
      }
      salsa20x8(salsa);
      int target = (i % 2 == 0 ? i / 2 : r + i / 2) * SALSA_WORDS;
      System.arraycopy(salsa, 0, out, target, SALSA_WORDS);
    }
  }

  /** The Salsa20/8 core (RFC 7914 section 3), in place. */
  private static void salsa20x8(int[] b) {
    int x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7];
    int x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15];
    for (int round = 0; round < 8; round += 2) {
      x4 ^= Integer.rotateLeft(x0 + x12, 7);
      x8 ^= Integer.rotateLeft(x4 + x0, 9);
      x12 ^= Integer.rotateLeft(x8 + x4, 13);
      x0 ^= Integer.rotateLeft(x12 + x8, 18);
      x9 ^= Integer.rotateLeft(x5 + x1, 7);
      x13 ^= Integer.rotateLeft(x9 + x5, 9);
      x1 ^= Integer.rotateLeft(x13 + x9, 13);
      x5 ^= Integer.rotateLeft(x1 + x13, 18);
      x14 ^= Integer.rotateLeft(x10 + x6, 7);
      x2 ^= Integer.rotateLeft(x14 + x10, 9);
      x6 ^= Integer.rotateLeft(x2 + x14, 13);
      x10 ^= Integer.rotateLeft(x6 + x2, 18);
      x3 ^= Integer.rotateLeft(x15 + x11, 7);
      x7 ^= Integer.rotateLeft(x3 + x15, 9);
      x11 ^= Integer.rotateLeft(x7 + x3, 13);
      x15 ^= Integer.rotateLeft(x11 + x7, 18);
      x1 ^= Integer.rotateLeft(x0 + x3, 7);
      x2 ^= Integer.rotateLeft(x1 + x0, 9);
      x3 ^= Integer.rotateLeft(x2 + x1, 13);
      x0 ^= Integer.rotateLeft(x3 + x2, 18);
      x6 ^= Integer.rotateLeft(x5 + x4, 7);
      x7 ^= Integer.rotateLeft(x6 + x5, 9);
      x4 ^= Integer.rotateLeft(x7 + x6, 13);
      x5 ^= Integer.rotateLeft(x4 + x7, 18);
      x11 ^= Integer.rotateLeft(x10 + x9, 7);
      x8 ^= Integer.rotateLeft(x11 + x10, 9);
      x9 ^= Integer.rotateLeft(x8 + x11, 13);
      x10 ^= Integer.rotateLeft(x9 + x8, 18);
      x12 ^= Integer.rotateLeft(x15 + x14, 7);
      x13 ^= Integer.rotateLeft(x12 + x15, 9);
      x14 ^= Integer.rotateLeft(x13 + x12, 13);
      x15 ^= Integer.rotateLeft(x14 + x13, 18);
    }
    b[0] += x0;
    b[1] += x1;
    b[2] += x2;
    b[3] += x3;
    b[4] += x4;
    b[5] += x5;
    b[6] += x6;
    b[7] += x7;
    b[8] += x8;
    b[9] += x9;
    b[10] += x10;
    b[11] += x11;
    b[12] += x12;
    b[13] += x13;
    b[14] += x14;
    b[15] += x15;
  }

  private static void readLittleEndian(byte[] bytes, int offset, int[] words) {
    for (int i = 0; i < words.length; i++) {
      int at = offset + 4 * i;
      words[i] = (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
    }
  }

  private static void writeLittleEndian(int[] words, byte[] bytes, int offset) {
    for (int i = 0; i < words.length; i++) {
      int at = offset + 4 * i;
      bytes[at] = (byte) words[i];
      bytes[at + 1] = (byte) (words[i] >>> 8);
      bytes[at + 2] = (byte) (words[i] >>> 16);
      bytes[at + 3] = (byte) (words[i] >>> 24);
    }
  }
}
