package io.luxtensor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor ai task}: an AI task from its submission to its payout, one command a step. */
@Command(
    name = "task",
    mixinStandardHelpOptions = true,
    description = {"AI tasks (AITasks, docs/ai-network.md): a requester submits a task with a fee; miners of the "
        + "subnet commit to a result by its hash up to the deadline and reveal it after; permitted validators score "
        + "the results; after the dispute and vote windows anyone finalizes the task, paying the fee out by score.",
        "Disputes and votes are not commands yet: send AITasks.disputeResult and voteDispute with any Ethereum "
            + "library."},
    subcommands = {AiTaskSubmitCommand.class, AiTaskShowCommand.class, AiTaskCommitCommand.class,
        AiTaskRevealCommand.class, AiTaskScoreCommand.class, AiTaskFinalizeCommand.class},
    footer = {"", "Examples:",
        "  luxtensor ai task submit 0 --model \"$MODEL\" --input \"$INPUT\" \\",
        "      --input-uri ipfs://input --deadline +20 --fee 10 --from alice",
        "  luxtensor ai task commit \"$TASK\" --result-hash \"$RESULT\" \\",
        "      --result-uri ipfs://answer --from miner-1",
        "  luxtensor ai task show \"$TASK\""})
final class AiTaskCommand implements Runnable {

  @ParentCommand
  AiCommand ai;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: submit, show, commit, reveal, "
        + "score or finalize");
  }
}
