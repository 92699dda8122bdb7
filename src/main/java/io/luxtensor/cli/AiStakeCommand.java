package io.luxtensor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor ai stake}: a coldkey's stake on a hotkey of a subnet, in and out. */
@Command(
    name = "stake",
    mixinStandardHelpOptions = true,
    description = {"Stake LUX from a coldkey (--from) on a hotkey with a UID (Stake.addStake), or take it back "
        + "(Stake.removeStake). Staking on a hotkey another coldkey registered is delegating to it."},
    subcommands = {AiStakeAddCommand.class, AiStakeRemoveCommand.class},
    footer = {"", "Examples:",
        "  luxtensor ai stake add 0 validator-1 100 --from alice",
        "  luxtensor ai stake remove 0 validator-1 25.5 --from alice"})
final class AiStakeCommand implements Runnable {

  @ParentCommand
  AiCommand ai;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: add or remove");
  }
}
