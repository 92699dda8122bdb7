package io.luxtensor.cli;

import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code luxtensor ai register}: a coldkey gives a hotkey a UID on a subnet by burning the subnet's burn. */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {"Give HOTKEY a UID on subnet NETUID (Neurons.burnedRegister), sent and paid by the coldkey "
        + "--from, which owns the hotkey from then on.",
        "Burns the subnet's current burn (Neurons.burn, read with eth_call unless --burn); --burn sends that much at "
            + "most, and what is not burned comes back. Prints the UID assigned."},
    footer = {"", "Examples:",
        "  luxtensor ai register 0 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 \\",
        "      --from alice",
        "  luxtensor ai register 0 miner-1 --burn 2 --from alice --json | jq .uid"})
final class AiRegisterCommand implements Runnable {

  @ParentCommand
  AiCommand ai;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NETUID", description = "The subnet: 0 to 65535.")
  String netuid;

  @Parameters(index = "1", paramLabel = "HOTKEY", description = "The hotkey: an address, or a key's name in the "
      + "keystore.")
  String hotkey;

  @Option(names = "--burn", paramLabel = "LUX", description = "The most to burn, in LUX (default: the subnet's burn "
      + "now).")
  String burn;

  @Mixin
  TransactionOptions transaction;

  @Override
  public void run() {
    int subnet = AiArguments.netuid(netuid);
    Address hotkeyAddress = AccountArgument.resolve(hotkey, "HOTKEY", transaction.keystore.directory());
    Optional<Wei> maxBurn = Optional.ofNullable(burn).map(lux -> LuxArgument.parse("--burn", lux));
    TransactionSender sender = new TransactionSender(transaction, spec.commandLine(), ai.console);
    Wei value = maxBurn.orElseGet(() ->
        Wei.of((BigInteger) AiContracts.BURN.read(transaction.rpc.client(), "latest", subnet).get(0)));
    sender.send(new TransactionSender.Request(AiContracts.BURNED_REGISTER.contract(), value,
        AiContracts.BURNED_REGISTER.calldata(subnet, hotkeyAddress), "register " + hotkeyAddress.toChecksumHex()
            + " on subnet " + subnet + ", burning up to " + value.toLuxString() + " LUX, coldkey "
            + sender.key().label()),
        (receipt, report) -> {
          List<Object> registered = AiContracts.NEURON_REGISTERED.decodeFrom(receipt);
          report.number("uid", "uid", ((BigInteger) registered.get(1)).longValueExact())
              .number("netuid", "netuid", ((BigInteger) registered.get(0)).longValueExact())
              .text("hotkey", "hotkey", hotkeyAddress.toChecksumHex())
              .text("coldkey", "coldkey", ((Address) registered.get(2)).toChecksumHex())
              .amount("burned", "burnWei", (BigInteger) registered.get(3));
        });
  }
}
