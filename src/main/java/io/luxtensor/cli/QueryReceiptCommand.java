package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code luxtensor query receipt}: the outcome of an included transaction: status, gas, fee paid, logs. */
@Command(
    name = "receipt",
    mixinStandardHelpOptions = true,
    description = {"Show a transaction's receipt: success or failure, its block, gas used, the fee paid and the logs "
        + "it emitted.",
        "A transaction still pending has no receipt yet (exit code 1).",
        "--json prints the node's eth_getTransactionReceipt answer unchanged."},
    footer = {"", "Examples:",
        "  luxtensor query receipt \"$HASH\"",
        "  luxtensor query receipt \"$HASH\" --json | jq -r .status   # 0x1 or 0x0",
        "  until luxtensor query receipt \"$HASH\" >/dev/null 2>&1; do sleep 1; done",
        "", "Exit codes: 0 found, 1 not found (unknown or pending), 2 malformed HASH, 3 node unreachable, "
            + "4 other failures."})
final class QueryReceiptCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "HASH", description = "The transaction hash: 0x and 64 hex digits.")
  String hash;

  @Mixin
  RpcOptions rpc;

  @Mixin
  QueryOutput output;

  @Mixin
  AmountUnits units;

  @Override
  public Integer call() {
    Hash txHash = QueryArguments.transactionHash(hash);
    JsonNode receipt = rpc.client().call("eth_getTransactionReceipt", txHash.toHex());
    if (receipt == null || receipt.isNull()) {
      throw CliException.notFound("receipt of " + txHash.toHex() + " not found (unknown, or still pending)");
    }
    if (output.json) {
      output.printJson(receipt);
    } else {
      print(receipt, output.terminal());
    }
    return ExitCodes.OK;
  }

  private void print(JsonNode receipt, Terminal terminal) {
    boolean succeeded = NodeAnswers.number(receipt, "status") == 1;
    BigInteger gasUsed = NodeAnswers.quantity(receipt, "gasUsed");
    BigInteger gasPrice = NodeAnswers.quantity(receipt, "effectiveGasPrice");
    JsonNode logs = receipt.path("logs");
    KeyValues rows = new KeyValues()
        .add("transaction", NodeAnswers.text(receipt, "transactionHash"))
        .add("status", succeeded ? terminal.ok("success") : terminal.bad("failed"))
        .add("block", NodeAnswers.number(receipt, "blockNumber") + " (" + NodeAnswers.text(receipt, "blockHash")
            + ")")
        .add("index", String.valueOf(NodeAnswers.number(receipt, "transactionIndex")))
        .add("from", NodeAnswers.address(receipt, "from"))
        .add("to", receipt.path("to").isNull() ? "none (contract creation)" : NodeAnswers.address(receipt, "to"))
        .add("gas used", gasUsed.toString())
        .add("cumulative gas used", NodeAnswers.quantity(receipt, "cumulativeGasUsed").toString())
        .add("effective gas price", units.gasPrice(gasPrice))
        .add("fee", units.amount(gasUsed.multiply(gasPrice)))
        .add("logs", String.valueOf(logs.size()));
    for (JsonNode log : logs) {
      String prefix = "log " + NodeAnswers.number(log, "logIndex") + " ";
      rows.add(prefix + "address", NodeAnswers.address(log, "address"));
      JsonNode topics = log.path("topics");
      for (int i = 0; i < topics.size(); i++) {
        rows.add(prefix + "topic " + i, topics.get(i).asText());
      }
      rows.add(prefix + "data", NodeAnswers.data(log, "data"));
    }
    rows.printTo(terminal);
  }
}
