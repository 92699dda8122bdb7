package io.luxtensor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code luxtensor bench}: load generators that measure a running node from outside, as its users would. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure a running node under load.",
    subcommands = {BenchRpcCommand.class, BenchTpsCommand.class, BenchStartupCommand.class, BenchChainCommand.class},
    footer = {"", "Examples:", "  luxtensor bench rpc --rate 2000 --duration 30",
        "  luxtensor bench tps --senders 200 --txs 60000", "  ./luxtensor bench startup --runs 5",
        "  luxtensor bench chain --rpc http://127.0.0.1:8545 --from 100", "",
        "Run 'luxtensor bench COMMAND --help' for a benchmark's options."})
final class BenchCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A benchmark's option check: a usage error (exit 2) naming the option and its bounds if it fails. */
  static void check(CommandLine.Model.CommandSpec spec, boolean condition, String message) {
    if (!condition) {
      throw new CommandLine.ParameterException(spec.commandLine(), message);
    }
  }
}
