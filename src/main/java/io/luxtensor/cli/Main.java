package io.luxtensor.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code luxtensor} command: subcommands are listed in {@link #SUBCOMMANDS}, in the order {@code --help} shows them. */
@Command(
    name = "luxtensor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "LuxTensor: a proof-of-stake Layer-1 node for the ModernTensor AI network.",
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

  static final List<Class<?>> SUBCOMMANDS = List.of(DevCommand.class, InitCommand.class, StartCommand.class,
      TestnetCommand.class, DecodeTransactionCommand.class, QueryCommand.class, WalletCommand.class,
      ValidatorCommand.class, AiCommand.class, BenchCommand.class, VersionCommand.class, AotTrainingCommand.class);

  public static void main(String[] args) {
    if (System.getProperty(LOG_FORMAT_PROPERTY) == null) {
      System.setProperty(LOG_FORMAT_PROPERTY, LOG_FORMAT);
    }
    System.exit(commandLine(subcommandsFor(args)).execute(args));
  }

  /** The configured command line with every subcommand; tests run it in-process. */
  public static CommandLine commandLine() {
    return commandLine(SUBCOMMANDS);
  }

  /**
   * Only the subcommand the arguments name, when they start with one: picocli reads the annotations of every
   * command it is given, and all of them cost about 0.3 s of a node's start (measured: 470-575 ms for all, 155 ms
   * for the dev command alone). Anything else (help, a misspelt command, an option first) gets all of them.
   */
  static List<Class<?>> subcommandsFor(String[] args) {
    if (args.length == 0) {
      return SUBCOMMANDS;
    }
    return SUBCOMMANDS.stream().filter(command -> command.getAnnotation(Command.class).name().equals(args[0]))
        .findFirst().<List<Class<?>>>map(List::of).orElse(SUBCOMMANDS);
  }

  static CommandLine commandLine(List<Class<?>> subcommands) {
    CommandLine cli = new CommandLine(new Main());
    subcommands.forEach(cli::addSubcommand);
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
