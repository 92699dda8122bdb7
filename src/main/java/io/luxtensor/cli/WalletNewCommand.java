package io.luxtensor.cli;

import io.luxtensor.crypto.Bip44;
import io.luxtensor.crypto.Keystore;
import io.luxtensor.crypto.Mnemonic;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.types.Address;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor wallet new}: a fresh key, random or from a new BIP-39 mnemonic shown once. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {"Create a key, random or from a new recovery phrase.",
        "The key is stored encrypted with scrypt at Geth's standard strength. With --mnemonic the key is account 0 (m/44'/60'/0'/0/0) of a new recovery phrase, printed once and never "
            + "stored: write it down. The password is asked twice without echo, or read from --password-file."},
    footer = {"", "Examples:",
        "  luxtensor wallet new --name alice",
        "  luxtensor wallet new --name bob --mnemonic --words 24",
        "  luxtensor wallet new --name ci --password-file pw.txt --keystore ./keys"})
final class WalletNewCommand implements Runnable {
  /** BIP-39's sizes: 12 words carry 128 bits of entropy, each 3 more words 32 bits more, up to 24 (256 bits). */
  static final Set<Integer> WORD_COUNTS = Set.of(12, 15, 18, 21, 24);
  private static final int ENTROPY_BITS_PER_THREE_WORDS = 32;
  /** The account of the phrase that is stored: the first, where MetaMask and Hardhat start. */
  private static final int ACCOUNT_INDEX = 0;

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

  @Option(names = "--mnemonic", description = "Derive the key from a new BIP-39 recovery phrase, shown once.")
  boolean mnemonic;

  @Option(names = "--words", paramLabel = "N", defaultValue = "12",
      description = "Words in the phrase: 12, 15, 18, 21 or 24 (default: ${DEFAULT-VALUE}).")
  int words;

  @Override
  public void run() {
    secretFlags.check();
    if (!WORD_COUNTS.contains(words)) {
      throw CliException.usage("--words must be 12, 15, 18, 21 or 24, got " + words);
    }
    WalletDirectory directory = keystore.directory();
    directory.requireFree(newKey.name(), Optional.empty());
    String chosenPassword = password.chosen(wallet.console);
    Mnemonic phrase = mnemonic ? Mnemonic.generate(words / 3 * ENTROPY_BITS_PER_THREE_WORDS, wallet.random) : null;
    PrivateKey key = phrase == null ? PrivateKey.random(wallet.random) : firstAccount(phrase);
    Address address = Address.of(key.publicKey());
    WalletKey stored = directory.add(newKey.name(), address,
        Keystore.encrypt(key, chosenPassword, newKey.kdf(), wallet.random), wallet.clock.instant());
    Terminal terminal = Terminal.of(spec.commandLine());
    PrintWriter out = terminal.out();
    out.println("Created " + stored.label() + " " + address.toChecksumHex());
    out.println("Keystore file: " + stored.file());
    if (phrase != null) {
      out.println();
      out.println(terminal.bold("Write down these " + phrase.wordCount() + " words and keep them offline. They are "
          + "shown only now and are not stored; anyone who has them controls the account."));
      out.println();
      out.println("  " + phrase.phrase());
      out.println();
      out.println("Derivation path: " + Bip44.ethereumPath(ACCOUNT_INDEX));
    }
    out.flush();
  }

  private static PrivateKey firstAccount(Mnemonic phrase) {
    byte[] seed = phrase.toSeed("");
    try {
      return Bip44.ethereumKey(seed, ACCOUNT_INDEX);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }
}
