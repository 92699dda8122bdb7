package io.luxtensor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor ai subnet}: create subnets and read them. */
@Command(
    name = "subnet",
    mixinStandardHelpOptions = true,
    description = {"Create a subnet (SubnetRegistry.registerSubnet), list the subnets, or show one with its "
        + "metagraph."},
    subcommands = {AiSubnetCreateCommand.class, AiSubnetListCommand.class, AiSubnetShowCommand.class},
    footer = {"", "Examples:",
        "  luxtensor ai subnet create vision --from alice",
        "  luxtensor ai subnet list",
        "  luxtensor ai subnet show 0 --json"})
final class AiSubnetCommand implements Runnable {

  @ParentCommand
  AiCommand ai;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: create, list or show");
  }
}
