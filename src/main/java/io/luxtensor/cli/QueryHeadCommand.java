package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luxtensor query head}: where the chain is (head, safe, finalized), the node's peers and sync state. */
@Command(
    name = "head",
    mixinStandardHelpOptions = true,
    description = {"Show the chain's head, safe (justified) and finalized blocks, the number of peers and whether "
        + "the node is syncing.",
        "--json prints {\"head\", \"safe\", \"finalized\"} (each {\"number\", \"hash\", \"timestamp\"} as the node "
            + "writes them, safe and finalized null until the chain has one), \"peers\" (net_peerCount) and "
            + "\"syncing\" (eth_syncing: false, or the node's progress object)."},
    footer = {"", "Examples:",
        "  luxtensor query head",
        "  luxtensor query head --rpc http://10.0.0.5:8545",
        "  luxtensor query head --json | jq -r .finalized.number",
        "", "Exit codes: 0 shown, 3 node unreachable, 4 other failures."})
final class QueryHeadCommand implements Callable<Integer> {

  @Mixin
  RpcOptions rpc;

  @Mixin
  QueryOutput output;

  @Override
  public Integer call() {
    NodeClient node = rpc.client();
    JsonNode head = new BlockSelector.ByTag("latest").fetch(node, false)
        .orElseThrow(() -> new CliException(ExitCodes.FAILED, "the node has no latest block"));
    Optional<JsonNode> safe = new BlockSelector.ByTag("safe").fetch(node, false);
    Optional<JsonNode> finalized = new BlockSelector.ByTag("finalized").fetch(node, false);
    JsonNode peers = node.call("net_peerCount");
    JsonNode syncing = node.call("eth_syncing");
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.set("head", summary(head));
    answer.set("safe", safe.map(QueryHeadCommand::summary).orElse(null));
    answer.set("finalized", finalized.map(QueryHeadCommand::summary).orElse(null));
    answer.set("peers", peers);
    answer.set("syncing", syncing);
    if (output.json) {
      output.printJson(answer);
      return ExitCodes.OK;
    }
    new KeyValues()
        .add("head", line(head))
        .add("safe", safe.map(QueryHeadCommand::line).orElse("none yet"))
        .add("finalized", finalized.map(QueryHeadCommand::line).orElse("none yet"))
        .add("peers", String.valueOf(NodeAnswers.number(answer, "peers")))
        .add("syncing", syncing(answer.path("syncing")))
        .printTo(output.terminal());
    return ExitCodes.OK;
  }

  private static ObjectNode summary(JsonNode block) {
    return JsonNodeFactory.instance.objectNode()
        .put("number", NodeAnswers.text(block, "number"))
        .put("hash", NodeAnswers.text(block, "hash"))
        .put("timestamp", NodeAnswers.text(block, "timestamp"));
  }

  /** {@code 42  0x…  2024-06-10T06:13:20Z}. */
  private static String line(JsonNode block) {
    return NodeAnswers.number(block, "number") + "  " + NodeAnswers.text(block, "hash") + "  "
        + Instant.ofEpochSecond(NodeAnswers.number(block, "timestamp"));
  }

  private static String syncing(JsonNode syncing) {
    if (syncing.isBoolean()) {
      return syncing.asBoolean() ? "yes" : "no";
    }
    if (syncing.isObject()) {
      return "yes: block " + NodeAnswers.number(syncing, "currentBlock") + " of "
          + NodeAnswers.number(syncing, "highestBlock");
    }
    throw new CliException(ExitCodes.FAILED, "the node answered a malformed eth_syncing: " + syncing);
  }
}
