package io.luxtensor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code luxtensor validator}: the validator keys a node holds in its data directory. Holds what its subcommands
 * take from the outside world, so tests can stand in for the terminal.
 */
@Command(
    name = "validator",
    mixinStandardHelpOptions = true,
    description = {"The validator keys a node signs blocks and votes with, kept in DATADIR/validators/.",
        "Each key is a Web3 Secret Storage v3 file and its password, both readable by the owner only, named by the "
            + "validator's address; luxtensor start uses them when validator.keystore is not set."},
    subcommands = {ValidatorImportCommand.class, ValidatorListCommand.class},
    footer = {"", "Examples:",
        "  luxtensor validator import --datadir data --keystore-file v1.json",
        "  luxtensor validator import --datadir data --from-wallet validator-2",
        "  luxtensor validator list --datadir data",
        "",
        "Run 'luxtensor validator COMMAND --help' for a command's options."})
final class ValidatorCommand implements Runnable {
  /** Where prompts go; tests, which have no terminal, put a scripted one here before running the command line. */
  UserConsole console = new SystemConsole();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
