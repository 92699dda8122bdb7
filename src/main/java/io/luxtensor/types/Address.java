package io.luxtensor.types;

import io.luxtensor.bytes.Hex;
import io.luxtensor.bytes.HexFormatException;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A 20-byte account address, written in EIP-55 checksummed form by {@link #toChecksumHex()}. Immutable. */
public final class Address implements Comparable<Address> {
  public static final int LENGTH = 20;
  public static final Address ZERO = new Address(new byte[LENGTH]);

  private final byte[] bytes;

  private Address(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The address with these 20 bytes (copied). */
  public static Address wrap(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.length);
    }
    return new Address(bytes.clone());
  }

  /** The address of an account controlled by {@code key}. */
  public static Address of(PublicKey key) {
    return new Address(key.address());
  }

  /**
   * Parses 40 hex digits with an optional {@code 0x}. All-lowercase and all-uppercase are accepted as they are;
   * mixed case must carry a valid EIP-55 checksum, so a mistyped checksummed address is caught.
   */
  public static Address fromHex(String text) {
    if (text == null) {
      throw new AddressFormatException("address is null");
    }
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (digits.length() != 2 * LENGTH) {
      throw new AddressFormatException("an address is 40 hex digits, got " + digits.length());
    }
    byte[] decoded;
    try {
      decoded = Hex.decode(digits);
    } catch (HexFormatException e) {
      throw new AddressFormatException("address is not hex: " + e.getMessage());
    }
    Address address = new Address(decoded);
    boolean mixedCase = !digits.equals(digits.toLowerCase()) && !digits.equals(digits.toUpperCase());
    if (mixedCase && !address.toChecksumHex().substring(2).equals(digits)) {
      throw new AddressFormatException("address has an invalid EIP-55 checksum: " + text);
    }
    return address;
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Lowercase hex with {@code 0x}, the JSON-RPC form. */
  public String toHex() {
    return Hex.encode(bytes);
  }

  /** EIP-55: a hex letter is uppercase when the matching nibble of keccak256(lowercase hex) is 8 or more. */
  public String toChecksumHex() {
    String lower = Hex.encodeNoPrefix(bytes);
    byte[] hash = Keccak256.hash(lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(2 + lower.length()).append("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  @Override
  public int compareTo(Address other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toChecksumHex();
  }
}
