package io.luxtensor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor ai weights}: a validator's weights on the UIDs of its subnet, set directly or committed first. */
@Command(
    name = "weights",
    mixinStandardHelpOptions = true,
    description = {"Set a validator's weights (Weights.setWeights), or on a subnet with commit-reveal on commit to "
        + "them (Weights.commitWeights) and reveal them in the epoch commit-reveal-period epochs later "
        + "(Weights.revealWeights). The hotkey signs (--from)."},
    subcommands = {AiWeightsSetCommand.class, AiWeightsCommitCommand.class, AiWeightsRevealCommand.class},
    footer = {"", "Examples:",
        "  luxtensor ai weights set 0 --uids 1,2 --values 100,200 --from validator-1",
        "  luxtensor ai weights commit 1 --uids 1,2 --values 100,200 --from validator-1",
        "  luxtensor ai weights reveal 1 --uids 1,2 --values 100,200 \\",
        "      --salt \"$SALT\" --from validator-1"})
final class AiWeightsCommand implements Runnable {

  @ParentCommand
  AiCommand ai;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: set, commit or reveal");
  }
}
