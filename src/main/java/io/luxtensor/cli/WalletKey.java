package io.luxtensor.cli;

import io.luxtensor.types.Address;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A key file in the wallet's keystore directory, as listed without its password.
 *
 * @param name the name LuxTensor gave it; empty for a file another wallet put there (Geth, MetaMask export)
 * @param address the account the file says it holds (checked against the key when it is decrypted)
 * @param file where it is
 */
record WalletKey(Optional<KeyName> name, Address address, Path file) {

  /** How messages refer to the key: its name, or its address if it has none. */
  String label() {
    return name.map(KeyName::value).orElseGet(address::toChecksumHex);
  }
}
