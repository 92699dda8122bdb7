package io.luxtensor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor ai stake add}: stakes LUX from the coldkey on a hotkey that has a UID on the subnet. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {"Stake LUX from the coldkey --from on HOTKEY, which has a UID on subnet NETUID (Stake.addStake).",
        "Prints the amount, the coldkey's stake on the hotkey and the hotkey's total stake after the block."},
    footer = {"", "Examples:",
        "  luxtensor ai stake add 0 validator-1 100 --from alice",
        "  luxtensor ai stake add 0 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 0.5 \\",
        "      --from alice --json"})
final class AiStakeAddCommand implements Runnable {

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
    sender.send(new TransactionSender.Request(AiContracts.ADD_STAKE.contract(), change.amount(),
        AiContracts.ADD_STAKE.calldata(change.netuid(), change.hotkey()), "stake " + change.amount().toLuxString()
            + " LUX from " + sender.key().label() + " on " + change.hotkey().toChecksumHex() + " on subnet "
            + change.netuid()),
        StakeArguments.outcome(AiContracts.STAKE_ADDED, change, sender.key().address(), transaction.rpc.client()));
  }
}
