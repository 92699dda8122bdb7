package io.luxtensor.cli;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor wallet send}: a transfer signed here with a keystore key and sent to the node. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {"Send LUX from a key in the keystore, signed on this machine.",
        "The node fills the nonce (pending), the EIP-1559 fees (tip from eth_maxPriorityFeePerGas, fee cap = 2 x next "
            + "base fee + tip) and the gas (eth_estimateGas); the signed transaction goes out with "
            + "eth_sendRawTransaction.",
        "Prints the hash, then waits for the receipt (a spinner on a terminal) and prints status, block, gas used "
            + "and the fee paid. Exits non-zero if the transaction reverted or no receipt came within --timeout."},
    footer = {"", "Examples:",
        "  luxtensor wallet send --from alice --value 1.5 \\",
        "      --to 0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        "  luxtensor wallet send --from alice --to bob --value 0.001 --no-wait --json",
        "  luxtensor wallet send --from ci --to bob --value 2 --password-file pw.txt \\",
        "      --rpc http://node.example:8545"})
final class WalletSendCommand implements Runnable {

  @ParentCommand
  WalletCommand wallet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  TransactionOptions transaction;

  @Option(names = "--to", required = true, paramLabel = "ADDRESS",
      description = "The recipient: an address, or the name of a key in the keystore.")
  String to;

  @Option(names = "--value", required = true, paramLabel = "LUX",
      description = "The amount in LUX, up to 18 decimals (e.g. 1.5).")
  String value;

  @Override
  public void run() {
    TransactionSender sender = new TransactionSender(transaction, spec.commandLine(), wallet.console);
    Wei amount = LuxArgument.parse("--value", value);
    Address recipient = AccountArgument.resolve(to, "--to", sender.directory());
    sender.send(new TransactionSender.Request(recipient, amount, Bytes.EMPTY, amount.toLuxString() + " LUX from "
        + sender.key().label() + " to " + recipient.toChecksumHex()), (receipt, report) -> { });
  }
}
