package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luxtensor ai subnet list}: every subnet, from the node's {@code lux_listSubnets}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {"List the subnets by netuid: name, owner, UIDs in use of the most, tempo, the LUX locked, and "
        + "the block of the last epoch.",
        "--json prints the node's lux_listSubnets answer unchanged (see docs/cli-ai.md)."},
    footer = {"", "Examples:",
        "  luxtensor ai subnet list",
        "  luxtensor ai subnet list --json | jq -r '.[].name'",
        "", "Exit codes: 0 listed, 3 node unreachable, 4 other failures (e.g. a node without lux_listSubnets)."})
final class AiSubnetListCommand implements Callable<Integer> {

  @Mixin
  RpcOptions rpc;

  @Mixin
  QueryOutput output;

  @Mixin
  AmountUnits units;

  @Override
  public Integer call() {
    JsonNode subnets = rpc.client().call("lux_listSubnets");
    if (subnets == null || !subnets.isArray()) {
      throw new CliException(ExitCodes.FAILED, "the node's lux_listSubnets answer is not a list: " + subnets);
    }
    if (output.json) {
      output.printJson(subnets);
      return ExitCodes.OK;
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode subnet : subnets) {
      JsonNode hyperparameters = NodeAnswers.object(subnet, "hyperparameters");
      rows.add(List.of(Long.toString(NodeAnswers.number(subnet, "netuid")), NodeAnswers.text(subnet, "name"),
          NodeAnswers.address(subnet, "owner"), NodeAnswers.number(subnet, "neuronCount") + " of "
              + NodeAnswers.number(hyperparameters, "maxUids"),
          Long.toString(NodeAnswers.number(hyperparameters, "tempo")),
          units.amount(NodeAnswers.quantity(subnet, "lock")), AiSubnetShowCommand.lastEpoch(subnet)));
    }
    Terminal terminal = output.terminal();
    if (!rows.isEmpty()) {
      terminal.table(List.of("netuid", "name", "owner", "UIDs", "tempo", "lock", "last epoch"), rows);
    }
    terminal.out().println(rows.size() + (rows.size() == 1 ? " subnet" : " subnets"));
    terminal.out().flush();
    return ExitCodes.OK;
  }
}
