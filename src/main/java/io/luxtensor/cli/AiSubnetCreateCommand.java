package io.luxtensor.cli;

import io.luxtensor.ai.SubnetHyperparameters;
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

/** {@code luxtensor ai subnet create}: registers a subnet owned by the sender, locking the current lock cost. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {"Register a subnet owned by --from (SubnetRegistry.registerSubnet).",
        "It locks the registry's lockCost() (100 LUX for the first subnet, doubling with each and decaying back); "
            + "--lock sends that much at most, and what the registration does not lock comes back.",
        "Hyperparameters not given take subtensor's defaults; all eleven are sent. Prints the netuid assigned."},
    footer = {"", "Examples:",
        "  luxtensor ai subnet create vision --from alice",
        "  luxtensor ai subnet create text --tempo 99 --max-uids 64 \\",
        "      --weights-rate-limit 0 --commit-reveal --from alice",
        "  luxtensor ai subnet create audio --lock 250 --from alice --json"})
final class AiSubnetCreateCommand implements Runnable {

  @ParentCommand
  AiSubnetCommand subnet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The subnet's name: 1 to 64 bytes of UTF-8.")
  String name;

  @Option(names = "--lock", paramLabel = "LUX",
      description = "The most to lock, in LUX (default: the registry's lockCost() now).")
  String lock;

  @Mixin
  HyperparameterOptions hyperparameters;

  @Mixin
  TransactionOptions transaction;

  @Override
  public void run() {
    SubnetHyperparameters parameters = hyperparameters.parameters();
    Optional<Wei> maxLock = Optional.ofNullable(lock).map(lux -> LuxArgument.parse("--lock", lux));
    TransactionSender sender = new TransactionSender(transaction, spec.commandLine(), subnet.ai.console);
    Wei value = maxLock.orElseGet(() ->
        Wei.of((BigInteger) AiContracts.LOCK_COST.read(transaction.rpc.client(), "latest").get(0)));
    Address owner = sender.key().address();
    sender.send(new TransactionSender.Request(AiContracts.REGISTER_SUBNET.contract(), value,
        AiContracts.REGISTER_SUBNET.calldata(name, HyperparameterOptions.asAbi(parameters)),
        "subnet \"" + name + "\" (tempo " + parameters.tempo() + "), locking up to " + value.toLuxString()
            + " LUX, owned by " + sender.key().label()),
        (receipt, report) -> {
          List<Object> registered = AiContracts.SUBNET_REGISTERED.decodeFrom(receipt);
          report.number("netuid", "netuid", ((BigInteger) registered.get(0)).longValueExact())
              .text("name", "name", (String) registered.get(1))
              .text("owner", "owner", owner.toChecksumHex())
              .amount("locked", "lockWei", (BigInteger) registered.get(2));
        });
  }
}
