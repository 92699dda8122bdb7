package io.luxtensor.crypto;

import io.luxtensor.crypto.Base58Exception.Reason;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Bitcoin's Base58 (no 0, O, I or l) and Base58Check (data || first 4 bytes of SHA-256(SHA-256(data))), the text
 * form of BIP-32 extended keys. Each leading zero byte is written as a leading '1'.
 */
public final class Base58 {
  private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);
  private static final int CHECKSUM_LENGTH = 4;
  /**
   * Extended keys take 111 characters and Bitcoin Core's longest vector 350; decoding is quadratic, cheap at this size
   * and not at megabytes of hostile input.
   */
  public static final int ENCODED_CHARS_MAX = 512;

  private Base58() {}

  public static String encode(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    StringBuilder reversed = new StringBuilder();
    BigInteger value = new BigInteger(1, data);
    while (value.signum() > 0) {
      BigInteger[] quotientAndRemainder = value.divideAndRemainder(BASE);
      reversed.append(ALPHABET.charAt(quotientAndRemainder[1].intValue()));
      value = quotientAndRemainder[0];
    }
    reversed.append("1".repeat(zeros));
    return reversed.reverse().toString();
  }

  /** @throws Base58Exception for a character outside the alphabet (naming its position) or overlong text */
  public static byte[] decode(String text) {
    if (text.length() > ENCODED_CHARS_MAX) {
      throw new Base58Exception(Reason.TOO_LONG, text.length() + " characters, over " + ENCODED_CHARS_MAX);
    }
    BigInteger value = BigInteger.ZERO;
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new Base58Exception(Reason.INVALID_CHARACTER, "position " + i);
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
    int signByte = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
    byte[] out = new byte[zeros + magnitude.length - signByte];
    System.arraycopy(magnitude, signByte, out, zeros, magnitude.length - signByte);
    return out;
  }

  public static String encodeChecked(byte[] payload) {
    byte[] data = Arrays.copyOf(payload, payload.length + CHECKSUM_LENGTH);
    System.arraycopy(checksum(payload), 0, data, payload.length, CHECKSUM_LENGTH);
    return encode(data);
  }

  /** The payload of Base58Check text. @throws Base58Exception if it is not Base58 or its checksum does not match */
  public static byte[] decodeChecked(String text) {
    byte[] data = decode(text);
    if (data.length < CHECKSUM_LENGTH) {
      throw new Base58Exception(Reason.TOO_SHORT_FOR_CHECKSUM, data.length + " bytes");
    }
    byte[] payload = Arrays.copyOf(data, data.length - CHECKSUM_LENGTH);
    if (!MessageDigest.isEqual(checksum(payload), Arrays.copyOfRange(data, payload.length, data.length))) {
      throw new Base58Exception(Reason.CHECKSUM_MISMATCH, "");
    }
    return payload;
  }

  private static byte[] checksum(byte[] payload) {
    return Arrays.copyOf(Sha256.hash(Sha256.hash(payload)), CHECKSUM_LENGTH);
  }
}
