package io.luxtensor.cli;

import io.luxtensor.types.Wei;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor ai stake remove}: returns part of the coldkey's stake on a hotkey to the coldkey. */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = {"Take LUX of the coldkey --from's stake on HOTKEY on subnet NETUID back to it (Stake.removeStake).",
        "Prints the amount, the coldkey's stake left on the hotkey and the hotkey's total stake after the block."},
    footer = {"", "Examples:",
        "  luxtensor ai stake remove 0 validator-1 25 --from alice",
        "  luxtensor ai stake remove 0 validator-1 0.5 --from alice --json"})
final class AiStakeRemoveCommand implements Runnable {

  @ParentCommand
  AiStakeCommand stake;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  StakeArguments arguments;

  @Mixin
  TransactionOptions transaction;

  @Override
  public void run() {
    StakeArguments.Change change = arguments.change(transaction.keystore.directory());
    TransactionSender sender = new TransactionSender(transaction, spec.commandLine(), stake.ai.console);
    sender.send(new TransactionSender.Request(AiContracts.REMOVE_STAKE.contract(), Wei.ZERO,
        AiContracts.REMOVE_STAKE.calldata(change.netuid(), change.hotkey(), change.amount().value()),
        "unstake " + change.amount().toLuxString() + " LUX from " + change.hotkey().toChecksumHex() + " on subnet "
            + change.netuid() + " back to " + sender.key().label()),
        StakeArguments.outcome(AiContracts.STAKE_REMOVED, change, sender.key().address(), transaction.rpc.client()));
  }
}
