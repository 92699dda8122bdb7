package io.luxtensor.types;

/** Text that is not an address: wrong length, not hex, or mixed case that fails the EIP-55 checksum. */
public final class AddressFormatException extends IllegalArgumentException {
  public AddressFormatException(String message) {
    super(message);
  }
}
