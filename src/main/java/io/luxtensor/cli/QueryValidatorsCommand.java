package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luxtensor query validators}: the active validator set, from the node's {@code lux_getValidators}. */
@Command(
    name = "validators",
    mixinStandardHelpOptions = true,
    description = {"Show the active validators: address, stake, share of the total stake, and VRF public key "
        + "(compressed ECVRF-P256), in address order.",
        "--json prints the node's lux_getValidators answer unchanged: {\"validators\": [{\"address\", \"stake\", "
            + "\"vrfPublicKey\"}], \"totalStake\"}, stakes in wei as 0x hex."},
    footer = {"", "Examples:",
        "  luxtensor query validators",
        "  luxtensor query validators --wei",
        "  luxtensor query validators --json | jq -r '.validators[].address'",
        "", "Exit codes: 0 listed, 3 node unreachable, 4 other failures (e.g. a node without lux_getValidators)."})
final class QueryValidatorsCommand implements Callable<Integer> {

  @Mixin
  RpcOptions rpc;

  @Mixin
  QueryOutput output;

  @Mixin
  AmountUnits units;

  @Override
  public Integer call() {
    JsonNode set = rpc.client().call("lux_getValidators");
    if (set == null || !set.path("validators").isArray()) {
      throw new CliException(ExitCodes.FAILED, "the node's lux_getValidators answer has no validators: " + set);
    }
    if (output.json) {
      output.printJson(set);
      return ExitCodes.OK;
    }
    BigInteger total = NodeAnswers.quantity(set, "totalStake");
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode validator : set.get("validators")) {
      BigInteger stake = NodeAnswers.quantity(validator, "stake");
      rows.add(List.of(NodeAnswers.address(validator, "address"), units.amount(stake), share(stake, total),
          NodeAnswers.text(validator, "vrfPublicKey")));
    }
    Terminal terminal = output.terminal();
    terminal.table(List.of("address", "stake", "share", "VRF public key"), rows);
    int count = rows.size();
    terminal.out().println(count + (count == 1 ? " validator" : " validators") + ", total stake "
        + units.amount(total));
    terminal.out().flush();
    return ExitCodes.OK;
  }

  /** The stake's percentage of the total, to two decimals: {@code 33.33%}. */
  private static String share(BigInteger stake, BigInteger total) {
    if (total.signum() == 0) {
      return "-";
    }
    BigDecimal percent = new BigDecimal(stake).multiply(BigDecimal.valueOf(100))
        .divide(new BigDecimal(total), 2, RoundingMode.HALF_EVEN);
    return percent.toPlainString() + "%";
  }
}
