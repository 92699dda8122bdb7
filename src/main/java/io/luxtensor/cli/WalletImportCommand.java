package io.luxtensor.cli;

import io.luxtensor.crypto.Bip44;
import io.luxtensor.crypto.Keystore;
import io.luxtensor.crypto.Mnemonic;
import io.luxtensor.crypto.MnemonicException;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.types.Address;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor wallet import}: a key from a private key, a BIP-39 mnemonic or another wallet's keystore file. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {"Add a private key, a BIP-39 mnemonic's account, or another wallet's keystore file.",
        "Secrets are read from files, never from flag values; FILE '-' is standard input: typed without echo on a "
            + "terminal, or piped in. A key or mnemonic gets a new password (asked twice, or --password-file); a "
            + "keystore file keeps its own password and encryption."},
    footer = {"", "Examples:",
        "  # type the key, unseen:",
        "  luxtensor wallet import --private-key-file - --name alice",
        "  luxtensor wallet import --mnemonic-file phrase.txt --index 1 --name bob",
        "  luxtensor wallet import --keystore-file ~/.ethereum/keystore/UTC--... \\", "      --name carol",
        "  # in a script, the key piped in:",
        "  pass show ci-key | luxtensor wallet import --private-key-file - \\",
        "      --password-file ci-password.txt"})
final class WalletImportCommand implements Runnable {
  private static final Pattern HEX_KEY = Pattern.compile("(0[xX])?[0-9a-fA-F]{64}");

  @ParentCommand
  WalletCommand wallet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  KeystoreOptions keystore;

  @Mixin
  NewKeyOptions newKey;

  @Mixin
  PasswordOptions password;

  @Mixin
  SecretFlagGuard secretFlags;

  /** Optional to picocli so that a refused secret flag is reported before a missing source. */
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source;

  @Option(names = "--index", paramLabel = "N",
      description = "With --mnemonic-file: the account m/44'/60'/0'/0/N (default 0).")
  Integer index;

  /** Catches {@code --mnemonic "word word ..."}, as {@link SecretFlagGuard} catches {@code --private-key}. */
  @Option(names = "--mnemonic", hidden = true, arity = "0..1", fallbackValue = "")
  String mnemonicValue;

  /** Where the key comes from: exactly one. */
  static final class Source {
    @Option(names = "--private-key-file", paramLabel = "FILE", required = true,
        description = "A file holding the private key: 64 hex digits, 0x optional ('-': standard input).")
    String privateKeyFile;

    @Option(names = "--mnemonic-file", paramLabel = "FILE", required = true,
        description = "A file holding a BIP-39 mnemonic (English); the key is m/44'/60'/0'/0/N for --index N "
            + "('-': standard input).")
    String mnemonicFile;

    @Option(names = "--keystore-file", paramLabel = "FILE", required = true,
        description = "A Web3 Secret Storage v3 file (Geth, MetaMask, web3j, ethers), opened with its password.")
    Path keystoreFile;
  }

  @Override
  public void run() {
    secretFlags.check();
    if (mnemonicValue != null) {
      throw SecretFlagGuard.refused("--mnemonic", "--mnemonic-file FILE ('-' to type it unseen)");
    }
    if (source == null) {
      throw CliException.usage("say where the key is: --private-key-file, --mnemonic-file or --keystore-file");
    }
    if (index != null && source.mnemonicFile == null) {
      throw CliException.usage("--index applies to --mnemonic-file only");
    }
    if (index != null && index < 0) {
      throw CliException.usage("--index must be in [0, " + Integer.MAX_VALUE + "], got " + index);
    }
    String secretFile = source.privateKeyFile != null ? source.privateKeyFile : source.mnemonicFile;
    if (SecretSource.STANDARD_INPUT.equals(secretFile) && password.readsStandardInput()
        && !wallet.console.isTerminal()) {
      throw CliException.usage("standard input can carry one secret only: put the password in a file");
    }
    WalletDirectory directory = keystore.directory();
    directory.requireFree(newKey.name(), Optional.empty());
    WalletKey stored = source.keystoreFile != null ? importKeystore(directory) : importKey(directory, readKey());
    spec.commandLine().getOut().println("Imported " + stored.label() + " " + stored.address().toChecksumHex());
    spec.commandLine().getOut().println("Keystore file: " + stored.file());
    spec.commandLine().getOut().flush();
  }

  private PrivateKey readKey() {
    if (source.privateKeyFile != null) {
      String text = SecretSource.read(source.privateKeyFile, "--private-key-file", "Private key (hex, not shown): ",
          wallet.console).strip();
      if (!HEX_KEY.matcher(text).matches()) {
        throw new CliException(ExitCodes.FAILED, "--private-key-file does not hold a private key: expected 64 hex "
            + "digits, optionally after 0x");
      }
      byte[] bytes = HexFormat.of().parseHex(text.length() == 66 ? text.substring(2) : text);
      try {
        return PrivateKey.fromBytes(bytes);
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.FAILED, "--private-key-file does not hold a private key: " + e.getMessage());
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }
    Mnemonic phrase;
    try {
      phrase = Mnemonic.parse(SecretSource.read(source.mnemonicFile, "--mnemonic-file",
          "Recovery phrase (not shown): ", wallet.console));
    } catch (MnemonicException e) {
      // The description only: the detail quotes the offending word, and a misspelt word is still most of a secret.
      throw new CliException(ExitCodes.FAILED, "--mnemonic-file does not hold a BIP-39 mnemonic: "
          + e.reason().description());
    }
    byte[] seed = phrase.toSeed("");
    try {
      return Bip44.ethereumKey(seed, index == null ? 0 : index);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private WalletKey importKey(WalletDirectory directory, PrivateKey key) {
    Address address = Address.of(key.publicKey());
    directory.requireFree(newKey.name(), Optional.of(address));
    String json = Keystore.encrypt(key, password.chosen(wallet.console), newKey.kdf(), wallet.random);
    return directory.add(newKey.name(), address, json, wallet.clock.instant());
  }

  /** The file is stored with only the name and address fields set, so its own password and KDF still open it. */
  private WalletKey importKeystore(WalletDirectory directory) {
    String json = WalletDirectory.readKeyFile(source.keystoreFile);
    String label = source.keystoreFile.getFileName().toString();
    PrivateKey key = KeyUnlocking.unlock(json, label, password.existing(label, wallet.console));
    Address address = Address.of(key.publicKey());
    directory.requireFree(newKey.name(), Optional.of(address));
    Optional<KeyName> name = newKey.name().or(() -> KeyFileFormat.object(json).flatMap(KeyFileFormat::name)
        .filter(directory::isFree));
    return directory.add(name, address, json, wallet.clock.instant());
  }
}
