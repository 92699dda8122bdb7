package io.luxtensor.cli;

import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.PrivateKey;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor wallet export NAME}: prints a key's private key, after the person confirms. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {"Print a key's private key (hex), after you confirm.",
        "Anyone who sees the key controls the account: use it to move the key to another wallet (MetaMask's import).",
        "It first asks you to type the key's address or 'yes' on the terminal (--yes skips that, for scripts), then "
            + "for the password."},
    footer = {"", "Examples:",
        "  luxtensor wallet export alice",
        "  luxtensor wallet export alice --yes --password-file pw.txt > alice.key"})
final class WalletExportCommand implements Runnable {
  static final String YES = "yes";

  @ParentCommand
  WalletCommand wallet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  KeystoreOptions keystore;

  @Mixin
  PasswordOptions password;

  @Mixin
  SecretFlagGuard secretFlags;

  @Parameters(paramLabel = "NAME", description = "The key's name or address.")
  String nameOrAddress;

  @Option(names = "--yes", description = "Do not ask for confirmation.")
  boolean yes;

  @Override
  public void run() {
    secretFlags.check();
    WalletDirectory directory = keystore.directory();
    WalletKey key = directory.find(nameOrAddress);
    if (!yes) {
      confirm(key);
    }
    PrivateKey privateKey = KeyUnlocking.unlock(directory.read(key), key.label(),
        password.existing(key.label(), wallet.console));
    spec.commandLine().getOut().println(Hex.encode(privateKey.toBytes()));
    spec.commandLine().getOut().flush();
  }

  private void confirm(WalletKey key) {
    if (!wallet.console.isTerminal()) {
      throw CliException.usage("export asks for confirmation on a terminal; pass --yes to skip it");
    }
    String address = key.address().toChecksumHex();
    String answer = wallet.console.readLine("This prints the private key of " + key.label() + " (" + address
        + "): whoever sees it controls the account.\nType the address or '" + YES + "' to go on: ").orElse("").strip();
    boolean confirmed = answer.equalsIgnoreCase(YES) || withoutPrefix(answer).equals(withoutPrefix(address));
    if (!confirmed) {
      throw new CliException(ExitCodes.FAILED, "export cancelled: nothing printed");
    }
  }

  private static String withoutPrefix(String hex) {
    String lower = hex.toLowerCase(Locale.ROOT);
    return lower.startsWith("0x") ? lower.substring(2) : lower;
  }
}
