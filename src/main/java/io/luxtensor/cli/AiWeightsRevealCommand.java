package io.luxtensor.cli;

import io.luxtensor.types.Wei;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor ai weights reveal}: shows the weights a commitment hid, in the epoch it is due. */
@Command(
    name = "reveal",
    mixinStandardHelpOptions = true,
    description = {"Reveal the weights the hotkey --from committed to on subnet NETUID (Weights.revealWeights): the "
        + "same UIDs, values, salt and version key, in the epoch 'ai weights commit' printed.",
        "The chain then checks and stores them as 'ai weights set' does. A reveal in another epoch, or with other "
            + "values, prints the contract's reason and nothing is sent."},
    footer = {"", "Examples:",
        "  luxtensor ai weights reveal 1 --uids 1,2 --values 100,200 \\",
        "      --salt \"$SALT\" --from validator-1"})
final class AiWeightsRevealCommand implements Runnable {

  @ParentCommand
  AiWeightsCommand weightsCommand;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  WeightsArguments arguments;

  @Option(names = "--salt", required = true, paramLabel = "HEX",
      description = "The salt the commitment was made with: 0x and 64 hex digits.")
  String salt;

  @Mixin
  TransactionOptions transaction;

  @Override
  public void run() {
    WeightsArguments.Weights weights = arguments.weights();
    byte[] saltBytes = AiArguments.salt(salt);
    TransactionSender sender = new TransactionSender(transaction, spec.commandLine(), weightsCommand.ai.console);
    sender.send(new TransactionSender.Request(AiContracts.REVEAL_WEIGHTS.contract(), Wei.ZERO,
        AiContracts.REVEAL_WEIGHTS.calldata(weights.netuid(), weights.uids(), weights.values(), saltBytes,
            weights.versionKey()),
        "reveal by " + sender.key().label() + " of " + weights.described()),
        WeightsArguments::describeWeightsSet);
  }
}
