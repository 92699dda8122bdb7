package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.ai.Tempo;
import io.luxtensor.bytes.Hex;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code luxtensor ai weights commit}: commits to weights by their hash on a subnet with commit-reveal on, and says
 * when and how to reveal them.
 */
@Command(
    name = "commit",
    mixinStandardHelpOptions = true,
    description = {"Commit the hotkey --from to weights on subnet NETUID without showing them (Weights.commitWeights), "
        + "on a subnet with commit-reveal on.",
        "The commitment is keccak256(abi.encode(hotkey, netuid, uids, values, salt, versionKey)), computed here. "
            + "Prints the salt (random unless --salt; keep it, the reveal needs it), the epoch and blocks to reveal "
            + "in, and the reveal command. A commitment not revealed in that epoch expires."},
    footer = {"", "Examples:",
        "  luxtensor ai weights commit 1 --uids 1,2 --values 100,200 --from validator-1",
        "  SALT=$(luxtensor ai weights commit 1 --uids 1,2 --values 100,200 \\",
        "      --from validator-1 --json | jq -r .salt)"})
final class AiWeightsCommitCommand implements Runnable {

  @ParentCommand
  AiWeightsCommand weightsCommand;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  WeightsArguments arguments;

  @Option(names = "--salt", paramLabel = "HEX",
      description = "32 bytes as 0x and 64 hex digits that hide the weights until the reveal (default: random).")
  String salt;

  @Mixin
  TransactionOptions transaction;

  @Override
  public void run() {
    WeightsArguments.Weights weights = arguments.weights();
    byte[] saltBytes = salt != null ? AiArguments.salt(salt) : weightsCommand.ai.randomSalt();
    TransactionSender sender = new TransactionSender(transaction, spec.commandLine(), weightsCommand.ai.console);
    Hash commitment = AiContracts.commitment(sender.key().address(), weights, saltBytes);
    String label = sender.key().label();
    sender.send(new TransactionSender.Request(AiContracts.COMMIT_WEIGHTS.contract(), Wei.ZERO,
        AiContracts.COMMIT_WEIGHTS.calldata(weights.netuid(), commitment.toBytes()), "commitment of " + label
            + " to " + weights.described()),
        outcome(weights, saltBytes, commitment, label));
  }

  private TransactionSender.Outcome outcome(WeightsArguments.Weights weights, byte[] saltBytes, Hash commitment,
      String label) {
    return new TransactionSender.Outcome() {
      @Override
      public void sent(TransactionReport report) {
        report.text("salt", "salt", Hex.encode(saltBytes)).text("commitment", "commitment", commitment.toHex());
      }

      @Override
      public void describe(JsonNode receipt, TransactionReport report) {
        AiContracts.WEIGHTS_COMMITTED.decodeFrom(receipt);
        describeReveal(weights, saltBytes, label, report);
      }
    };
  }

  /**
   * The epoch the commitment is revealed in, {@code commitRevealPeriod} epochs after the commitment's, and its blocks:
   * epoch e of subnet n holds the blocks b with (b + n + 1) / (tempo + 1) = e ({@link Tempo#epochOf}).
   */
  private void describeReveal(WeightsArguments.Weights weights, byte[] saltBytes, String label,
      TransactionReport report) {
    JsonNode hyperparameters = NodeAnswers.object(transaction.rpc.client().call("lux_getSubnet",
        Hex.encodeQuantity(weights.netuid()), Hex.encodeQuantity(report.blockNumber())), "hyperparameters");
    long tempo = NodeAnswers.number(hyperparameters, "tempo");
    long epoch = Tempo.epochOf(weights.netuid(), (int) tempo, report.blockNumber())
        + NodeAnswers.number(hyperparameters, "commitRevealPeriod");
    long first = Math.max(0, epoch * (tempo + 1) - weights.netuid() - 1);
    long last = (epoch + 1) * (tempo + 1) - weights.netuid() - 2;
    report.number("reveal epoch", "revealEpoch", epoch)
        .number("reveal from block", "revealFromBlock", first)
        .number("reveal to block", "revealToBlock", last)
        .text("reveal with", "revealCommand", "luxtensor ai weights reveal " + weights.netuid()
            + " --uids " + joined(weights.uids()) + " --values " + joined(weights.values()) + " --salt "
            + Hex.encode(saltBytes) + " --version-key " + weights.versionKey() + " --from " + label);
  }

  private static String joined(List<Integer> numbers) {
    return numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
