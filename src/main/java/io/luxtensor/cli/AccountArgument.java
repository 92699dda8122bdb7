package io.luxtensor.cli;

import io.luxtensor.types.Address;
import io.luxtensor.types.AddressFormatException;

/** An "ADDRESS or NAME" argument: an address as it is, a name looked up in the keystore. */
final class AccountArgument {
  private AccountArgument() {}

  /**
   * The address {@code text} is or names.
   *
   * @param option the option or parameter it came from, for error messages
   */
  static Address resolve(String text, String option, WalletDirectory directory) {
    if (!KeyName.looksLikeAddress(text)) {
      return directory.find(text).address();
    }
    try {
      return Address.fromHex(text);
    } catch (AddressFormatException e) {
      throw CliException.usage(option + ": " + e.getMessage());
    }
  }
}
