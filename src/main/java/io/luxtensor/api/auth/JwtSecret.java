package io.luxtensor.api.auth;

import io.luxtensor.bytes.Hex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared HS256 key. Its file holds 32 bytes as 64 hex digits, with or without {@code 0x}, like Geth's
 * {@code jwt.hex} ({@code openssl rand -hex 32 > jwt.hex}). Never printed.
 */
public final class JwtSecret {
  /** Geth's and the Engine API's secret length: 256 bits, HMAC-SHA256's block-sized security. */
  public static final int SECRET_BYTES = 32;
  /** A secret file is one line of hex; anything much longer is the wrong file. */
  static final long FILE_BYTES_MAX = 1024;

  private final byte[] key;

  private JwtSecret(byte[] key) {
    this.key = key.clone();
  }

  /**
   * Reads a secret file.
   *
   * @throws IllegalArgumentException when it does not hold exactly 32 bytes of hex
   * @throws UncheckedIOException when it cannot be read
   */
  public static JwtSecret read(Path file) {
    try {
      if (Files.size(file) > FILE_BYTES_MAX) {
        throw new IllegalArgumentException(file + " is not a secret file: over " + FILE_BYTES_MAX + " bytes");
      }
      return fromHex(Files.readString(file).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** @throws IllegalArgumentException unless {@code hex} is exactly 32 bytes */
  public static JwtSecret fromHex(String hex) {
    byte[] key;
    try {
      key = Hex.decode(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the JWT secret must be " + SECRET_BYTES * 2 + " hex digits: "
          + e.getMessage());
    }
    if (key.length != SECRET_BYTES) {
      throw new IllegalArgumentException("the JWT secret must be " + SECRET_BYTES + " bytes (" + SECRET_BYTES * 2
          + " hex digits), got " + key.length);
    }
    return new JwtSecret(key);
  }

  /** A key of any length, for test vectors whose secrets are not 32 bytes. */
  static JwtSecret ofBytes(byte[] key) {
    return new JwtSecret(key);
  }

  byte[] key() {
    return key.clone();
  }

  @Override
  public String toString() {
    return "JwtSecret[redacted]";
  }
}
