package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.types.Address;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Signs a transaction on this machine and sends it, as {@code wallet send} and the {@code ai} commands do: the node
 * fills it in (nonce, fees, gas: a call that would revert is refused with the node's reason before any password is
 * asked), the key is unlocked, the hash printed, and unless {@code --no-wait} the receipt awaited and reported. A
 * transaction that reverted is replayed with {@code eth_call} on its block to tell why, since receipts carry no
 * reason.
 */
final class TransactionSender {
  private static final String REVERTED_PREFIX = "execution reverted: ";

  /**
   * What a command sends.
   *
   * @param to the recipient, or the contract called
   * @param value what is sent along
   * @param data the calldata; empty for a transfer
   * @param summary what it does, for people: {@code 1.5 LUX from alice to 0x70997970…}
   */
  record Request(Address to, Wei value, Bytes data, String summary) {}

  /**
   * How the signed transaction reaches the node. Most commands use {@link #RAW_TRANSACTION}; a node method that
   * answers more than the hash (such as {@code mt_submitAITask}'s task id) adds that to the report at once.
   */
  interface Submission {
    /** Hands {@code signed} to {@code node} and returns the transaction hash the node answered. */
    String submit(NodeClient node, Transaction signed, TransactionReport report);
  }

  /** {@code eth_sendRawTransaction}, which answers the hash. */
  static final Submission RAW_TRANSACTION = (node, signed, report) ->
      node.call("eth_sendRawTransaction", Hex.encode(signed.encode())).asText();

  /** What a command adds to the report: from the receipt of its transaction, once it succeeded, and before. */
  interface Outcome {
    void describe(JsonNode receipt, TransactionReport report);

    /** What is known as soon as it is sent, shown even with --no-wait (such as a salt the command chose). */
    default void sent(TransactionReport report) {}
  }

  private final TransactionOptions options;
  private final CommandLine commandLine;
  private final UserConsole console;
  private final WalletDirectory directory;
  private final WalletKey key;

  /**
   * A sender signing with the key {@code --from} names.
   *
   * @throws CliException if an option is wrong (exit 2) or the keystore has no such key (exit 1), before the node is
   *     asked anything
   */
  TransactionSender(TransactionOptions options, CommandLine commandLine, UserConsole console) {
    options.check();
    this.options = options;
    this.commandLine = commandLine;
    this.console = console;
    this.directory = options.keystore.directory();
    this.key = directory.find(options.from);
  }

  WalletDirectory directory() {
    return directory;
  }

  /** The signing key: how messages name it, and its address. */
  WalletKey key() {
    return key;
  }

  /**
   * Sends {@code request}, prints it, and unless {@code --no-wait} waits for its receipt and prints that with what
   * {@code outcome} read from it; with {@code --no-wait}, what {@code outcome} knew at once.
   *
   * @throws CliException if it reverted or no receipt came within {@code --timeout}, after printing what is known
   */
  void send(Request request, Outcome outcome) {
    send(request, RAW_TRANSACTION, outcome);
  }

  /** As {@link #send(Request, Outcome)}, handing the signed transaction to the node with {@code submission}. */
  void send(Request request, Submission submission, Outcome outcome) {
    NodeClient node = options.rpc.client();
    Transaction sent = sign(node, request);
    TransactionReport report = new TransactionReport(key, sent);
    String answered = submission.submit(node, sent, report);
    if (!answered.equalsIgnoreCase(sent.hash().toHex())) {
      throw new CliException(ExitCodes.FAILED, "the node answered hash " + answered + " for transaction "
          + sent.hash().toHex());
    }
    Terminal terminal = Terminal.of(commandLine);
    outcome.sent(report);
    if (!options.json) {
      terminal.out().println("Sent " + report.hash());
      terminal.out().println("  " + request.summary() + " (nonce " + sent.nonce() + ", gas limit " + sent.gasLimit()
          + ", max fee " + TransactionReport.gwei(sent.maxFeePerGas()) + ", tip "
          + TransactionReport.gwei(sent.maxPriorityFeePerGas()) + ")");
      terminal.out().flush();
    }
    if (options.noWait) {
      report.print(terminal, options.json);
      return;
    }
    Optional<JsonNode> receipt = ReceiptWaiter.polling(node).await(report.hash(),
        Duration.ofSeconds(options.timeoutSeconds),
        WaitProgress.on(commandLine.getErr(), console.isTerminal(), "waiting for the receipt"));
    if (receipt.isEmpty()) {
      report.print(terminal, options.json);
      throw new CliException(ExitCodes.FAILED, "no receipt for " + report.hash() + " within "
          + options.timeoutSeconds + " s; it may still be included: look it up later (eth_getTransactionReceipt) "
          + "before sending again");
    }
    report.addReceipt(receipt.get(), terminal);
    if (report.succeeded()) {
      outcome.describe(receipt.get(), report);
      report.print(terminal, options.json);
      return;
    }
    Optional<String> reason = revertReason(node, request, report.blockNumber());
    reason.ifPresent(r -> report.text("reason", "revertReason", r));
    report.print(terminal, options.json);
    throw new CliException(ExitCodes.FAILED, "transaction " + report.hash() + " reverted in block "
        + report.blockNumber() + reason.map(r -> ": " + r).orElse(""));
  }

  /** Reaches the node and has it fill the transaction before asking for the password: a refusal costs no typing. */
  private Transaction sign(NodeClient node, Request request) {
    TransactionFiller filler = new TransactionFiller(node);
    long chainId = filler.chainId();
    var unsigned = filler.call(chainId, key.address(), request.to(), request.value(), request.data());
    PrivateKey privateKey = KeyUnlocking.unlock(directory.read(key), key.label(),
        options.password.existing(key.label(), console));
    return unsigned.sign(privateKey);
  }

  /**
   * The reason the call reverts on the state after its block: the transactions before it in the block included, as
   * they may be why it failed where the estimate passed. Empty if it does not revert there, or the node cannot
   * replay it: the transaction reverted either way, and the report says so.
   */
  private Optional<String> revertReason(NodeClient node, Request request, long block) {
    try {
      node.call("eth_call", TransactionFiller.callObject(key.address(), request.to(), request.value(),
          request.data()), Hex.encodeQuantity(block));
      return Optional.empty();
    } catch (NodeClient.RpcError e) {
      if (!e.isRevert()) {
        return Optional.empty();
      }
      String message = e.getMessage();
      return Optional.of(message.startsWith(REVERTED_PREFIX) ? message.substring(REVERTED_PREFIX.length()) : message);
    }
  }
}
