package io.luxtensor.cli;

import java.security.SecureRandom;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code luxtensor wallet}: keys in Web3 Secret Storage files (Geth's keystore layout), and transfers signed with
 * them. Holds what its subcommands take from the outside world, so tests can stand in for the terminal and clock.
 */
@Command(
    name = "wallet",
    mixinStandardHelpOptions = true,
    description = {"Keys, balances and transfers signed on this machine.",
        "Keys live in a keystore directory as Web3 Secret Storage v3 files, which Geth and MetaMask read.",
        "Secrets are never flag values: passwords are asked without echo or read with --password-file FILE, keys "
            + "and mnemonics are read from files ('-': typed without echo, or piped)."},
    subcommands = {WalletNewCommand.class, WalletImportCommand.class, WalletListCommand.class,
        WalletExportCommand.class, WalletBalanceCommand.class, WalletSendCommand.class,
        WalletValidatorInfoCommand.class},
    footer = {"", "Examples:",
        "  luxtensor wallet new --name alice",
        "  luxtensor wallet import --mnemonic-file - --index 1 --name bob",
        "  luxtensor wallet list",
        "  luxtensor wallet balance alice",
        "  luxtensor wallet send --from alice --to bob --value 1.5",
        "",
        "Run 'luxtensor wallet COMMAND --help' for a command's options."})
final class WalletCommand implements Runnable {
  /** Where prompts go; tests, which have no terminal, put a scripted one here before running the command line. */
  UserConsole console = new SystemConsole();
  /** Stamps key file names. */
  Clock clock = Clock.systemUTC();
  /** For new keys, mnemonics, and keystore salts and IVs. */
  SecureRandom random = new SecureRandom();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
