package io.luxtensor.cli;

import io.luxtensor.node.validators.StoredValidator;
import io.luxtensor.node.validators.ValidatorKeyStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor validator import}: a validator key into the data directory, from a keystore file or the wallet. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {"Add a validator key to DATADIR/validators/: a keystore file, or a key of the wallet.",
        "The keystore keeps its own password and encryption. Its password (asked without echo, or the first line "
            + "of --password-file) must open it; it is then stored beside it, readable by the owner only, so the "
            + "node starts unattended. An address already there is refused."},
    footer = {"", "Examples:",
        "  luxtensor validator import --datadir /var/lib/luxtensor \\",
        "      --keystore-file v1.json --password-file v1-password.txt",
        "  # a key made with 'luxtensor wallet new --name validator-2':",
        "  luxtensor validator import --datadir data --from-wallet validator-2"})
final class ValidatorImportCommand implements Runnable {

  @ParentCommand
  ValidatorCommand validator;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  DatadirOptions datadir;

  /** The wallet's keystore directory, for {@code --from-wallet}. */
  @Mixin
  KeystoreOptions wallet;

  @Mixin
  PasswordOptions password;

  @Mixin
  SecretFlagGuard secretFlags;

  /** Optional to picocli so that a refused secret flag is reported before a missing source. */
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source;

  /** Where the key comes from: exactly one. */
  static final class Source {
    @Option(names = "--keystore-file", paramLabel = "FILE", required = true,
        description = "A Web3 Secret Storage v3 file (Geth, MetaMask, web3j, ethers, luxtensor wallet).")
    Path keystoreFile;

    @Option(names = "--from-wallet", paramLabel = "NAME", required = true,
        description = "A key of the wallet's keystore directory (--keystore), by name or address.")
    String fromWallet;
  }

  @Override
  public void run() {
    secretFlags.check();
    if (source == null) {
      if (Files.isRegularFile(wallet.keystore)) {
        throw CliException.usage("--keystore is the wallet's keystore directory (for --from-wallet); a keystore "
            + "file is imported with --keystore-file FILE");
      }
      throw CliException.usage("say which key: --keystore-file FILE or --from-wallet NAME");
    }
    String json;
    String label;
    if (source.keystoreFile != null) {
      json = WalletDirectory.readKeyFile(source.keystoreFile);
      label = source.keystoreFile.getFileName().toString();
    } else {
      WalletDirectory directory = wallet.directory();
      WalletKey key = directory.find(source.fromWallet);
      json = directory.read(key);
      label = key.label();
    }
    ValidatorKeyStore store = datadir.validators();
    // Before the password is asked: the address a file claims is checked again against its key on import.
    KeyFileFormat.object(json).flatMap(KeyFileFormat::address).ifPresent(store::requireNotImported);
    StoredValidator stored = store.importKey(json, label, password.existing(label, validator.console));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Imported validator " + stored.address().toChecksumHex());
    out.println("VRF public key: " + stored.vrfPublicKey().toHex());
    out.println("Keystore file: " + stored.keystoreFile());
    out.println("Password file: " + stored.passwordFile());
    out.flush();
  }
}
