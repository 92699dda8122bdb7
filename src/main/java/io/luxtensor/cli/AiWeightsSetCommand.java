package io.luxtensor.cli;

import io.luxtensor.types.Wei;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor ai weights set}: a validator's weights, set directly on a subnet with commit-reveal off. */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {"Set the weights of the hotkey --from on subnet NETUID (Weights.setWeights).",
        "The chain checks them as subtensor does: the hotkey has a UID and a validator permit (unless it sets a "
            + "single weight on itself), weights-rate-limit blocks have passed, no UID twice, every UID exists, at "
            + "least min-allowed-weights of them. A refusal prints the contract's reason and nothing is sent."},
    footer = {"", "Examples:",
        "  luxtensor ai weights set 0 --uids 1,2 --values 100,200 --from validator-1",
        "  luxtensor ai weights set 0 --uids 0,1,2 --values 1,1,2 --version-key 7 \\",
        "      --from validator-1 --json"})
final class AiWeightsSetCommand implements Runnable {

  @ParentCommand
  AiWeightsCommand weightsCommand;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  WeightsArguments arguments;

  @Mixin
  TransactionOptions transaction;

  @Override
  public void run() {
    WeightsArguments.Weights weights = arguments.weights();
    TransactionSender sender = new TransactionSender(transaction, spec.commandLine(), weightsCommand.ai.console);
    sender.send(new TransactionSender.Request(AiContracts.SET_WEIGHTS.contract(), Wei.ZERO,
        AiContracts.SET_WEIGHTS.calldata(weights.netuid(), weights.uids(), weights.values(), weights.versionKey()),
        sender.key().label() + " sets " + weights.described()),
        WeightsArguments::describeWeightsSet);
  }
}
