package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code luxtensor bench chain}: reads a stretch of a running network's chain and reports its missed slots and
 * finality lag, the figures a validator set is judged by (a testnet's 250 ms slots, for example).
 */
@Command(
    name = "chain",
    mixinStandardHelpOptions = true,
    description = {"Read blocks FROM..TO of a node's chain and report the slots without a block and how many slots "
        + "each block's finalized checkpoint trails it.",
        "Run it after a network has run for a while, from a block past its start (peers connecting miss slots)."},
    footer = {"", "Examples:",
        "  luxtensor bench chain --rpc http://127.0.0.1:8545 --from 100",
        "  luxtensor bench chain --from 100 --to 2500 --json"})
final class BenchChainCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  RpcOptions rpc;

  @Option(names = "--from", defaultValue = "1", paramLabel = "N",
      description = "First block read (default: ${DEFAULT-VALUE}).")
  long from;

  @Option(names = "--to", paramLabel = "M", description = "Last block read (default: the head).")
  Long to;

  @Option(names = "--lag-limit", defaultValue = "2", paramLabel = "SLOTS",
      description = "Blocks whose finalized checkpoint trails them by more slots are counted (default: "
          + "${DEFAULT-VALUE}).")
  long lagLimit;

  @Option(names = "--json", description = "Print the result as JSON on stdout (the summary goes to stderr).")
  boolean json;

  @Override
  public Integer call() {
    BenchCommand.check(spec, from >= 0, "--from must be 0 or more");
    BenchCommand.check(spec, lagLimit >= 0, "--lag-limit must be 0 or more");
    NodeClient node = rpc.client();
    long head = NodeAnswers.number(node.call("eth_getBlockByNumber", "latest", false), "number");
    long last = to == null ? head : to;
    BenchCommand.check(spec, from <= head, "--from " + from + " is past the node's head, block " + head);
    BenchCommand.check(spec, last >= from, "--to must not be before --from");
    BenchCommand.check(spec, last <= head, "--to " + last + " is past the node's head, block " + head);
    long slotMillis = NodeAnswers.number(node.call("lux_getEpochInfo"), "slotMillis");
    List<ChainCadence.BlockSlots> blocks = new ArrayList<>();
    for (long number = from; number <= last; number++) {
      JsonNode block = node.call("eth_getBlockByNumber", "0x" + Long.toHexString(number), false);
      blocks.add(new ChainCadence.BlockSlots(NodeAnswers.number(block, "number"), NodeAnswers.number(block, "slot"),
          NodeAnswers.number(NodeAnswers.object(block, "finalized"), "slot")));
    }
    ChainCadence cadence = ChainCadence.of(blocks, lagLimit);
    String summary = summary(cadence, slotMillis);
    if (json) {
      BenchOutput.json(spec, json(cadence, slotMillis), summary);
    } else {
      BenchOutput.text(spec, summary);
    }
    return ExitCodes.OK;
  }

  static String summary(ChainCadence cadence, long slotMillis) {
    return String.format(Locale.ROOT, "bench chain: blocks %d-%d, slots %d-%d (%d slots of %d ms, %.1f min): "
            + "%d missed (longest run %d%s); finality lag %d slots median, %d max, %d blocks over %d",
        cadence.firstNumber(), cadence.lastNumber(), cadence.firstSlot(), cadence.lastSlot(), cadence.slots(),
        slotMillis, cadence.slots() * slotMillis / 60_000.0, cadence.missedSlots(), cadence.longestGapSlots(),
        cadence.missedSlotsAt().isEmpty() ? "" : "; first at slots " + cadence.missedSlotsAt(),
        cadence.finalityLagMedian(), cadence.finalityLagMax(), cadence.blocksOverLag(), cadence.lagLimit());
  }

  static ObjectNode json(ChainCadence cadence, long slotMillis) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("firstBlock", cadence.firstNumber());
    out.put("lastBlock", cadence.lastNumber());
    out.put("blocks", cadence.blocks());
    out.put("firstSlot", cadence.firstSlot());
    out.put("lastSlot", cadence.lastSlot());
    out.put("slots", cadence.slots());
    out.put("slotMillis", slotMillis);
    out.put("missedSlots", cadence.missedSlots());
    out.put("longestMissedRun", cadence.longestGapSlots());
    cadence.missedSlotsAt().forEach(out.putArray("missedSlotsAt")::add);
    ObjectNode lag = out.putObject("finalityLagSlots");
    lag.put("median", cadence.finalityLagMedian());
    lag.put("max", cadence.finalityLagMax());
    lag.put("limit", cadence.lagLimit());
    lag.put("blocksOverLimit", cadence.blocksOverLag());
    return out;
  }
}
