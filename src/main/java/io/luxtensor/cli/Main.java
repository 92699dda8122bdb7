package io.luxtensor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code luxtensor} command: subcommands are listed here, in the order {@code --help} shows them. */
@Command(
    name = "luxtensor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "LuxTensor: a proof-of-stake Layer-1 node for the ModernTensor AI network.",
    subcommands = {DevCommand.class, InitCommand.class, StartCommand.class, TestnetCommand.class, DecodeTransactionCommand.class,
        QueryCommand.class, WalletCommand.class, ValidatorCommand.class, BenchCommand.class, VersionCommand.class},
    footer = {"", "Examples:",
        "  luxtensor dev                      # a dev chain on http://127.0.0.1:8545",
        "  luxtensor query head               # what the node at --rpc has finalized",
        "  luxtensor wallet send --from alice --to 0x7099...79C8 --value 1.5",
        "",
        "Run 'luxtensor COMMAND --help' for a command's options and examples."})
public final class Main implements Runnable {

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** java.util.logging's format property; an operator's own setting (-D) wins. */
  static final String LOG_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";
  /** One line a record, to the millisecond: the default's two lines to the second hide the timing of a fault. */
  static final String LOG_FORMAT = "%1$tF %1$tT.%1$tL %4$s %3$s: %5$s%6$s%n";

  public static void main(String[] args) {
    if (System.getProperty(LOG_FORMAT_PROPERTY) == null) {
      System.setProperty(LOG_FORMAT_PROPERTY, LOG_FORMAT);
    }
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests run it in-process. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new OneLineErrors());
    cli.setUsageHelpAutoWidth(true);
    withVersion(cli);
    return cli;
  }

  /** {@code --version} answers the same on every command: picocli gives subcommands no version of their own. */
  private static void withVersion(CommandLine command) {
    command.getCommandSpec().versionProvider(new VersionProvider());
    command.getSubcommands().values().forEach(Main::withVersion);
  }
}
