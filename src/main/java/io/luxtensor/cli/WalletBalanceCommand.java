package io.luxtensor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code luxtensor wallet balance ADDRESS|NAME}: an account's balance at the latest block. */
@Command(
    name = "balance",
    mixinStandardHelpOptions = true,
    description = "Print the balance of an address, or of a key in the keystore by name, at the latest block.",
    footer = {"", "Examples:",
        "  luxtensor wallet balance alice",
        "  luxtensor wallet balance 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --wei",
        "  luxtensor wallet balance alice --json --rpc http://127.0.0.1:8545"})
final class WalletBalanceCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BLOCK = "latest";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  KeystoreOptions keystore;

  @Mixin
  RpcOptions rpc;

  @Parameters(paramLabel = "ADDRESS|NAME", description = "An address, or the name of a key in the keystore.")
  String account;

  @Option(names = "--wei", description = "Print the exact amount in wei instead of LUX.")
  boolean wei;

  @Option(names = "--json", description = "Print {address, block, wei, lux} as JSON (wei as a decimal string).")
  boolean json;

  @Override
  public void run() {
    Address address = AccountArgument.resolve(account, "ADDRESS|NAME", keystore.directory());
    Wei balance = Wei.of(Hex.decodeQuantity(rpc.client().call("eth_getBalance", address.toHex(), BLOCK).asText()));
    if (json) {
      ObjectNode out = JSON.createObjectNode();
      out.put("address", address.toChecksumHex());
      out.put("block", BLOCK);
      out.put("wei", balance.value().toString());
      out.put("lux", balance.toLuxString());
      spec.commandLine().getOut().println(out);
    } else {
      spec.commandLine().getOut().println(wei ? balance.value() + " wei" : balance.toLuxString() + " LUX");
    }
    spec.commandLine().getOut().flush();
  }
}
