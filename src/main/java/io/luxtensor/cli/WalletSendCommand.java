package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.types.Address;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
  /** An hour: a transaction still pending after that needs a person (a higher fee or a replacement), not a loop. */
  static final long TIMEOUT_SECONDS_MAX = 3_600;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUCCESS = "0x1";
  private static final int GWEI_DECIMALS = 9;

  @ParentCommand
  WalletCommand wallet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  KeystoreOptions keystore;

  @Mixin
  PasswordOptions password;

  @Mixin
  SecretFlagGuard secretFlags;

  @Mixin
  RpcOptions rpc;

  @Option(names = "--from", required = true, paramLabel = "NAME", description = "The sending key: name or address.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "ADDRESS",
      description = "The recipient: an address, or the name of a key in the keystore.")
  String to;

  @Option(names = "--value", required = true, paramLabel = "LUX",
      description = "The amount in LUX, up to 18 decimals (e.g. 1.5).")
  String value;

  @Option(names = "--no-wait", description = "Print the hash and exit without waiting for the receipt.")
  boolean noWait;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "How long to wait for the receipt (default: ${DEFAULT-VALUE}, at most 3600).")
  long timeoutSeconds;

  @Option(names = "--json", description = "Print the transaction and its receipt as one JSON object "
      + "(amounts in wei, as decimal strings).")
  boolean json;

  @Override
  public void run() {
    secretFlags.check();
    if (timeoutSeconds < 1 || timeoutSeconds > TIMEOUT_SECONDS_MAX) {
      throw CliException.usage("--timeout must be in [1, " + TIMEOUT_SECONDS_MAX + "] seconds, got " + timeoutSeconds);
    }
    Wei amount = LuxArgument.parse("--value", value);
    WalletDirectory directory = keystore.directory();
    WalletKey sender = directory.find(from);
    Address recipient = AccountArgument.resolve(to, "--to", directory);
    NodeClient node = rpc.client();
    Transaction sent = signAndSend(node, directory, sender, recipient, amount);
    String hash = sent.hash().toHex();

    Terminal terminal = Terminal.of(spec.commandLine());
    ObjectNode report = describe(sender, sent);
    if (!json) {
      terminal.out().println("Sent " + hash);
      terminal.out().println("  " + amount.toLuxString() + " LUX from " + sender.label() + " to "
          + recipient.toChecksumHex() + " (nonce " + sent.nonce() + ", gas limit " + sent.gasLimit() + ", max fee "
          + gwei(sent.maxFeePerGas()) + ", tip " + gwei(sent.maxPriorityFeePerGas()) + ")");
      terminal.out().flush();
    }
    if (noWait) {
      if (json) {
        terminal.out().println(report);
      }
      terminal.out().flush();
      return;
    }
    Optional<JsonNode> receipt = ReceiptWaiter.polling(node).await(hash, Duration.ofSeconds(timeoutSeconds),
        WaitProgress.on(spec.commandLine().getErr(), wallet.console.isTerminal(), "waiting for the receipt"));
    receipt.ifPresent(r -> addReceipt(report, r));
    if (json) {
      terminal.out().println(report);
    } else if (receipt.isPresent()) {
      terminal.keyValues(receiptRows(report, terminal));
    }
    terminal.out().flush();
    if (receipt.isEmpty()) {
      throw new CliException(ExitCodes.FAILED, "no receipt for " + hash + " within " + timeoutSeconds + " s; it may "
          + "still be included: look it up later (eth_getTransactionReceipt) before sending again");
    }
    if (!report.get("status").asText().equals("success")) {
      throw new CliException(ExitCodes.FAILED, "transaction " + hash + " reverted in block "
          + report.get("blockNumber").asLong());
    }
  }

  /** Reaches the node before asking for the password, so a node that is down costs no typing. */
  private Transaction signAndSend(NodeClient node, WalletDirectory directory, WalletKey sender, Address recipient,
      Wei amount) {
    TransferFiller filler = new TransferFiller(node);
    long chainId = filler.chainId();
    PrivateKey key = KeyUnlocking.unlock(directory.read(sender), sender.label(),
        password.existing(sender.label(), wallet.console));
    Transaction signed = filler.transfer(chainId, sender.address(), recipient, amount).sign(key);
    String answered = node.call("eth_sendRawTransaction", Hex.encode(signed.encode())).asText();
    if (!answered.equalsIgnoreCase(signed.hash().toHex())) {
      throw new CliException(ExitCodes.FAILED, "the node answered hash " + answered + " for transaction "
          + signed.hash().toHex());
    }
    return signed;
  }

  private static ObjectNode describe(WalletKey sender, Transaction tx) {
    ObjectNode report = JSON.createObjectNode();
    report.put("hash", tx.hash().toHex());
    report.put("from", sender.address().toChecksumHex());
    report.put("to", tx.to().orElseThrow().toChecksumHex());
    report.put("valueWei", tx.value().value().toString());
    report.put("chainId", tx.chainId().orElseThrow());
    report.put("nonce", tx.nonce());
    report.put("gasLimit", tx.gasLimit());
    report.put("maxFeePerGas", tx.maxFeePerGas().toString());
    report.put("maxPriorityFeePerGas", tx.maxPriorityFeePerGas().toString());
    return report;
  }

  private static void addReceipt(ObjectNode report, JsonNode receipt) {
    BigInteger gasUsed = Hex.decodeQuantity(receipt.path("gasUsed").asText());
    BigInteger price = Hex.decodeQuantity(receipt.path("effectiveGasPrice").asText());
    report.put("status", SUCCESS.equals(receipt.path("status").asText()) ? "success" : "reverted");
    report.put("blockNumber", Hex.decodeQuantity(receipt.path("blockNumber").asText()).longValueExact());
    report.put("gasUsed", gasUsed.longValueExact());
    report.put("effectiveGasPrice", price.toString());
    report.put("feeWei", gasUsed.multiply(price).toString());
  }

  private static List<String[]> receiptRows(ObjectNode report, Terminal terminal) {
    String status = report.get("status").asText();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"status", status.equals("success") ? terminal.ok(status) : terminal.bad(status)});
    rows.add(new String[] {"block", report.get("blockNumber").asText()});
    rows.add(new String[] {"gas used", report.get("gasUsed").asText()});
    rows.add(new String[] {"fee paid", Wei.of(new BigInteger(report.get("feeWei").asText())).toLuxString()
        + " LUX (" + gwei(new BigInteger(report.get("effectiveGasPrice").asText())) + " per gas)"});
    return rows;
  }

  /** Fees per gas the way wallets show them: 1.875 gwei rather than 1875000000 wei. */
  private static String gwei(BigInteger wei) {
    return new BigDecimal(wei).movePointLeft(GWEI_DECIMALS).stripTrailingZeros().toPlainString() + " gwei";
  }
}
