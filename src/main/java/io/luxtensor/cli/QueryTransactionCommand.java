package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.types.Hash;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code luxtensor query tx}: a transaction, included or still pending, by hash. */
@Command(
    name = "tx",
    mixinStandardHelpOptions = true,
    description = {"Show a transaction: where it is (a block, or pending in the pool), sender, recipient, value, "
        + "nonce, type, gas and fees, input.",
        "Whether it succeeded is in its receipt: luxtensor query receipt HASH.",
        "--json prints the node's eth_getTransactionByHash answer unchanged."},
    footer = {"", "Examples:",
        "  luxtensor query tx \"$HASH\"           # HASH=0x and 64 hex digits",
        "  luxtensor query tx \"$HASH\" --wei     # value and gas prices exactly, in wei",
        "  luxtensor query tx \"$HASH\" --json | jq -r .blockNumber",
        "", "Exit codes: 0 found, 1 not found, 2 malformed HASH, 3 node unreachable, 4 other failures."})
final class QueryTransactionCommand implements Callable<Integer> {

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
    JsonNode tx = rpc.client().call("eth_getTransactionByHash", txHash.toHex());
    if (tx == null || tx.isNull()) {
      throw CliException.notFound("transaction " + txHash.toHex() + " not found");
    }
    if (output.json) {
      output.printJson(tx);
    } else {
      print(tx, output.terminal());
    }
    return ExitCodes.OK;
  }

  private void print(JsonNode tx, Terminal terminal) {
    boolean pending = tx.path("blockHash").isNull();
    KeyValues rows = new KeyValues().add("hash", NodeAnswers.text(tx, "hash"));
    if (pending) {
      rows.add("status", "pending: in the node's pool, not in a block yet");
    } else {
      rows.add("block", NodeAnswers.number(tx, "blockNumber") + " (" + NodeAnswers.text(tx, "blockHash") + ")")
          .add("index", String.valueOf(NodeAnswers.number(tx, "transactionIndex")));
      if (tx.has("blockTimestamp")) {
        rows.add("timestamp", NodeAnswers.timestamp(tx, "blockTimestamp"));
      }
    }
    rows.add("from", NodeAnswers.address(tx, "from"))
        .add("to", tx.path("to").isNull() ? "none (contract creation)" : NodeAnswers.address(tx, "to"))
        .add("value", units.amount(NodeAnswers.quantity(tx, "value")))
        .add("nonce", String.valueOf(NodeAnswers.number(tx, "nonce")))
        .add("type", typeName(NodeAnswers.number(tx, "type")))
        .add("gas limit", String.valueOf(NodeAnswers.number(tx, "gas")))
        .add(pending ? "gas price (at most)" : "gas price", units.gasPrice(NodeAnswers.quantity(tx, "gasPrice")));
    if (tx.has("maxFeePerGas")) {
      rows.add("max fee", units.gasPrice(NodeAnswers.quantity(tx, "maxFeePerGas")))
          .add("max priority fee", units.gasPrice(NodeAnswers.quantity(tx, "maxPriorityFeePerGas")));
    }
    if (tx.has("chainId")) {
      rows.add("chain id", String.valueOf(NodeAnswers.number(tx, "chainId")));
    }
    rows.add("input", NodeAnswers.data(tx, "input")).printTo(terminal);
  }

  private static String typeName(long type) {
    if (type == 0) {
      return "0 (legacy)";
    }
    if (type == 1) {
      return "1 (EIP-2930, access list)";
    }
    return type == 2 ? "2 (EIP-1559, dynamic fee)" : String.valueOf(type);
  }
}
