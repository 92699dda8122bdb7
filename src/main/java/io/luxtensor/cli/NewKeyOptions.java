package io.luxtensor.cli;

import io.luxtensor.crypto.KdfParams;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How a key enters the wallet: its name, and how hard its keystore file is to brute-force. */
final class NewKeyOptions {
  @Option(names = "--name", paramLabel = "NAME",
      description = "Name the key (letters, digits, '.', '_', '-'; default: the first free account-N).")
  String name;

  /** Geth's --lightkdf: hidden, because a light file falls to a password guesser 64 times faster. */
  @Option(names = "--light-kdf", hidden = true,
      description = "Encrypt with light scrypt (n = 4096) instead of the standard (n = 262144): weak; for tests.")
  boolean lightKdf;

  Optional<KeyName> name() {
    return Optional.ofNullable(name).map(KeyName::new);
  }

  KdfParams kdf() {
    return lightKdf ? KdfParams.LIGHT : KdfParams.STANDARD;
  }
}
