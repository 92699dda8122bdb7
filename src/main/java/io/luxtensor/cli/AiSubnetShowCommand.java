package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.ai.SubnetHyperparameters;
import io.luxtensor.bytes.Hex;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code luxtensor ai subnet show}: a subnet and its metagraph, from the node's {@code lux_getMetagraph}. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {"Show a subnet (owner, lock, UIDs, last epoch, emission accrued since, hyperparameters) and its "
        + "metagraph: per UID its stake, the last epoch's rank, trust, consensus, incentive, dividends and "
        + "validator trust (proportions of 1), validator permit, emission, last weights update, hotkey and coldkey.",
        "--json prints the node's lux_getMetagraph answer unchanged (see docs/cli-ai.md)."},
    footer = {"", "Examples:",
        "  luxtensor ai subnet show 0",
        "  luxtensor ai subnet show 0 --wei",
        "  luxtensor ai subnet show 0 --json | jq -r '.neurons[] | [.uid, .stake] | @tsv'",
        "", "Exit codes: 0 shown, 1 no such subnet, 2 a netuid that is not 0 to 65535, 3 node unreachable, "
            + "4 other failures."})
final class AiSubnetShowCommand implements Callable<Integer> {
  private static final int PROPORTION_DECIMALS = 4;
  private static final BigDecimal PROPORTION_ONE = BigDecimal.valueOf(SubnetHyperparameters.U16_MAX);

  @Parameters(index = "0", paramLabel = "NETUID", description = "The subnet: 0 to 65535.")
  String netuid;

  @Mixin
  RpcOptions rpc;

  @Mixin
  QueryOutput output;

  @Mixin
  AmountUnits units;

  @Override
  public Integer call() {
    int subnet = AiArguments.netuid(netuid);
    JsonNode metagraph = rpc.client().call("lux_getMetagraph", Hex.encodeQuantity(subnet));
    if (metagraph == null || metagraph.isNull()) {
      throw CliException.notFound("no subnet " + subnet + " (luxtensor ai subnet list)");
    }
    if (output.json) {
      output.printJson(metagraph);
      return ExitCodes.OK;
    }
    Terminal terminal = output.terminal();
    subnetRows(metagraph).printTo(terminal);
    List<List<String>> rows = new ArrayList<>();
    metagraph.path("neurons").forEach(neuron -> rows.add(neuronRow(neuron)));
    terminal.out().println();
    if (!rows.isEmpty()) {
      terminal.table(List.of("uid", "stake", "rank", "trust", "consensus", "incentive", "dividends", "vtrust",
          "permit", "emission", "updated", "hotkey", "coldkey"), rows);
    }
    terminal.out().println(rows.size() + (rows.size() == 1 ? " UID" : " UIDs"));
    terminal.out().flush();
    return ExitCodes.OK;
  }

  private List<String> neuronRow(JsonNode neuron) {
    return List.of(Long.toString(NodeAnswers.number(neuron, "uid")),
        units.amount(NodeAnswers.quantity(neuron, "stake")), proportion(neuron, "rank"), proportion(neuron, "trust"),
        proportion(neuron, "consensus"), proportion(neuron, "incentive"), proportion(neuron, "dividends"),
        proportion(neuron, "validatorTrust"), neuron.path("validatorPermit").asBoolean() ? "yes" : "no",
        units.amount(NodeAnswers.quantity(neuron, "emission")), Long.toString(NodeAnswers.number(neuron, "lastUpdate")),
        NodeAnswers.address(neuron, "hotkey"), NodeAnswers.address(neuron, "coldkey"));
  }

  private KeyValues subnetRows(JsonNode subnet) {
    JsonNode hyperparameters = NodeAnswers.object(subnet, "hyperparameters");
    KeyValues rows = new KeyValues()
        .add("netuid", Long.toString(NodeAnswers.number(subnet, "netuid")))
        .add("name", NodeAnswers.text(subnet, "name"))
        .add("owner", NodeAnswers.address(subnet, "owner"))
        .add("lock", units.amount(NodeAnswers.quantity(subnet, "lock")))
        .add("registered in", "block " + NodeAnswers.number(subnet, "registeredAt"))
        .add("UIDs", NodeAnswers.number(subnet, "neuronCount") + " of " + NodeAnswers.number(hyperparameters,
            "maxUids"))
        .add("last epoch", lastEpoch(subnet))
        .add("pending emission", units.amount(NodeAnswers.quantity(subnet, "pendingEmission")));
    for (Map.Entry<String, JsonNode> parameter : hyperparameters.properties()) {
      String name = parameter.getKey();
      String value = parameter.getValue().isBoolean() ? (parameter.getValue().asBoolean() ? "on" : "off")
          : Long.toString(NodeAnswers.number(hyperparameters, name));
      rows.add(HyperparameterOptions.optionName(name), value);
    }
    return rows;
  }

  /** The block of the subnet's last epoch, or that it has run none. */
  static String lastEpoch(JsonNode subnet) {
    long block = NodeAnswers.number(subnet, "lastEpoch");
    return block == 0 ? "none yet" : "block " + block;
  }

  /** A u16 proportion of 65535 as a decimal fraction: {@code 0xffff} is 1.0000. */
  private static String proportion(JsonNode neuron, String field) {
    return BigDecimal.valueOf(NodeAnswers.number(neuron, field))
        .divide(PROPORTION_ONE, PROPORTION_DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
  }
}
