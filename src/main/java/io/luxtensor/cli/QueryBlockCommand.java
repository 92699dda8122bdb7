package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code luxtensor query block}: a block by number, hash or tag, with LuxTensor's slot, VRF proof and checkpoints. */
@Command(
    name = "block",
    mixinStandardHelpOptions = true,
    description = {"Show a block: number, hash, time, slot, proposer, gas, justified and finalized checkpoints, "
        + "and its transactions.",
        "--json prints the node's eth_getBlockByNumber/eth_getBlockByHash answer unchanged."},
    footer = {"", "Examples:",
        "  luxtensor query block                  # the head",
        "  luxtensor query block 42 --full        # with senders, recipients, values",
        "  luxtensor query block finalized --json",
        "  luxtensor query block \"$HASH\"          # by hash: 0x and 64 hex digits",
        "", "Exit codes: 0 found, 1 not found, 2 malformed BLOCK, 3 node unreachable, 4 other failures."})
final class QueryBlockCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", defaultValue = "latest", paramLabel = "BLOCK",
      description = "A number (decimal or 0x hex), a hash, or latest, earliest, safe, finalized "
          + "(default: ${DEFAULT-VALUE}).")
  String block;

  @Option(names = "--full", description = "List each transaction's sender, recipient and value, not only its hash.")
  boolean full;

  @Mixin
  RpcOptions rpc;

  @Mixin
  QueryOutput output;

  @Mixin
  AmountUnits units;

  @Override
  public Integer call() {
    BlockSelector selector = BlockSelector.parse(block);
    JsonNode found = selector.fetch(rpc.client(), full).orElseThrow(() -> CliException.notFound(selector.notFound()));
    if (output.json) {
      output.printJson(found);
    } else {
      print(found, output.terminal());
    }
    return ExitCodes.OK;
  }

  private void print(JsonNode block, Terminal terminal) {
    JsonNode transactions = block.path("transactions");
    new KeyValues()
        .add("number", String.valueOf(NodeAnswers.number(block, "number")))
        .add("hash", NodeAnswers.text(block, "hash"))
        .add("parent hash", NodeAnswers.text(block, "parentHash"))
        .add("timestamp", NodeAnswers.timestamp(block, "timestamp"))
        .add("slot", String.valueOf(NodeAnswers.number(block, "slot")))
        .add("proposer", NodeAnswers.address(block, "miner"))
        .add("transactions", String.valueOf(transactions.size()))
        .add("gas used", NodeAnswers.number(block, "gasUsed") + " of " + NodeAnswers.number(block, "gasLimit"))
        .add("base fee", units.gasPrice(NodeAnswers.quantity(block, "baseFeePerGas")))
        .add("justified", checkpoint(block.path("justified")))
        .add("finalized", checkpoint(block.path("finalized")))
        .add("state root", NodeAnswers.text(block, "stateRoot"))
        .add("vrf proof", NodeAnswers.data(block, "vrfProof"))
        .add("size", NodeAnswers.number(block, "size") + " bytes")
        .printTo(terminal);
    if (transactions.isEmpty()) {
      return;
    }
    terminal.out().println();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < transactions.size(); i++) {
      rows.add(transactionRow(i, transactions.get(i)));
    }
    terminal.table(full ? List.of("#", "transaction", "from", "to", "value") : List.of("#", "transaction"), rows);
    terminal.out().flush();
  }

  /** A hash only, or with {@code --full} (where the node sends whole transactions) who sent how much to whom. */
  private List<String> transactionRow(int index, JsonNode tx) {
    if (!full) {
      return List.of(String.valueOf(index), tx.asText());
    }
    String to = tx.path("to").isNull() ? "none" : NodeAnswers.address(tx, "to");
    return List.of(String.valueOf(index), NodeAnswers.text(tx, "hash"), NodeAnswers.address(tx, "from"), to,
        units.amount(NodeAnswers.quantity(tx, "value")));
  }

  private static String checkpoint(JsonNode checkpoint) {
    return "slot " + NodeAnswers.number(checkpoint, "slot") + ", block " + NodeAnswers.text(checkpoint, "blockHash");
  }
}
