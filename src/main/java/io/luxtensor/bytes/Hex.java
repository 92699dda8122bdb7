package io.luxtensor.bytes;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Hexadecimal text to and from bytes: lowercase on output, either case (with or without {@code 0x}) on input. */
public final class Hex {
  private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  private Hex() {}

  /** {@code 0x}-prefixed lowercase hex of {@code bytes}; {@code "0x"} for none. */
  public static String encode(byte[] bytes) {
    // Built as Latin-1 bytes, the form a String of hex digits keeps: a char[] would be copied and compressed.
    byte[] out = new byte[2 + bytes.length * 2];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < bytes.length; i++) {
      out[2 + 2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[3 + 2 * i] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** Lowercase hex of {@code bytes} without a prefix. */
  public static String encodeNoPrefix(byte[] bytes) {
    return encode(bytes).substring(2);
  }

  /** Decodes hex with an optional {@code 0x}/{@code 0X} prefix; an even number of digits is required. */
  public static byte[] decode(String hex) {
    if (hex == null) {
      throw new HexFormatException("hex string is null");
    }
    int start = hasPrefix(hex) ? 2 : 0;
    int digits = hex.length() - start;
    if (digits % 2 != 0) {
      throw new HexFormatException("hex string has an odd number of digits (" + digits + ")");
    }
    byte[] out = new byte[digits / 2];
    for (int i = 0; i < out.length; i++) {
      int pos = start + 2 * i;
      out[i] = (byte) ((digit(hex, pos) << 4) | digit(hex, pos + 1));
    }
    return out;
  }

  /** Decodes hex that must carry the {@code 0x} prefix, as JSON-RPC DATA values do. */
  public static byte[] decodePrefixed(String hex) {
    if (hex == null || !hasPrefix(hex)) {
      throw new HexFormatException("hex string must start with 0x");
    }
    return decode(hex);
  }

  /** Decodes exactly {@code length} bytes of {@code 0x}-optional hex. */
  public static byte[] decodeFixed(String hex, int length) {
    byte[] bytes = decode(hex);
    if (bytes.length != length) {
      throw new HexFormatException("expected " + length + " bytes of hex, got " + bytes.length);
    }
    return bytes;
  }

  /** A JSON-RPC QUANTITY: {@code 0x}, lowercase, no leading zeros ({@code 0x0} for zero). */
  public static String encodeQuantity(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("quantity is negative: " + value);
    }
    return "0x" + value.toString(16);
  }

  /** A JSON-RPC QUANTITY of a non-negative long. */
  public static String encodeQuantity(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("quantity is negative: " + value);
    }
    return "0x" + Long.toHexString(value);
  }

  /**
   * Parses a JSON-RPC QUANTITY strictly: {@code 0x} prefix, at least one digit, no leading zeros except {@code 0x0}.
   */
  public static BigInteger decodeQuantity(String hex) {
    if (hex == null || !hasPrefix(hex)) {
      throw new HexFormatException("quantity must start with 0x");
    }
    int digits = hex.length() - 2;
    if (digits == 0) {
      throw new HexFormatException("quantity has no digits");
    }
    if (digits > 1 && hex.charAt(2) == '0') {
      throw new HexFormatException("quantity has leading zeros: " + abbreviate(hex));
    }
    for (int i = 2; i < hex.length(); i++) {
      digit(hex, i);
    }
    return new BigInteger(hex.substring(2), 16);
  }

  private static boolean hasPrefix(String hex) {
    return hex.length() >= 2 && hex.charAt(0) == '0' && (hex.charAt(1) == 'x' || hex.charAt(1) == 'X');
  }

  private static int digit(String hex, int pos) {
    char c = hex.charAt(pos);
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw new HexFormatException("invalid hex character '" + printable(c) + "' at position " + pos);
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }

  private static String abbreviate(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "...";
  }
}
