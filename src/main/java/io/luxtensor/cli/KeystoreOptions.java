package io.luxtensor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The keystore directory option every wallet command shares. */
final class KeystoreOptions {
  @Option(names = "--keystore", paramLabel = "DIR",
      defaultValue = "${env:LUXTENSOR_KEYSTORE:-${sys:user.home}/.luxtensor/keystore}",
      description = "The keystore directory (default: $LUXTENSOR_KEYSTORE, else ~/.luxtensor/keystore; now "
          + "${DEFAULT-VALUE}).")
  Path keystore;

  WalletDirectory directory() {
    return new WalletDirectory(keystore);
  }
}
