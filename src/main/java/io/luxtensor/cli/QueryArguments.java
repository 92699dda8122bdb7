package io.luxtensor.cli;

import io.luxtensor.types.Address;
import io.luxtensor.types.AddressFormatException;
import io.luxtensor.types.Hash;
import java.util.regex.Pattern;

/**
 * Checks hashes and addresses typed on the command line before anything is sent, so a typo is a usage error (exit 2)
 * naming what is wrong, not a node's "invalid argument" or, worse, a lookup that finds nothing.
 */
final class QueryArguments {
  private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  private QueryArguments() {}

  /** A transaction hash: 0x and 64 hex digits. */
  static Hash transactionHash(String text) {
    return hash(text, "transaction hash");
  }

  /** A 32-byte hash: 0x and 64 hex digits; {@code what} names it in the error. */
  static Hash hash(String text, String what) {
    if (!HASH.matcher(text).matches()) {
      throw CliException.usage("not a " + what + ": " + text + " (expected 0x and 64 hex digits)");
    }
    return Hash.fromHex(text);
  }

  /** An address: 0x and 40 hex digits; in mixed case, a valid EIP-55 checksum. */
  static Address address(String text) {
    if (!ADDRESS.matcher(text).matches()) {
      throw CliException.usage("not an address: " + text + " (expected 0x and 40 hex digits)");
    }
    try {
      return Address.fromHex(text);
    } catch (AddressFormatException e) {
      throw CliException.usage("not an address: " + text + " (mixed case must be a valid EIP-55 checksum: a typo? "
          + "all lowercase is not checked)");
    }
  }
}
