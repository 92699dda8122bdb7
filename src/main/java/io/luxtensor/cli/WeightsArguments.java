package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code ai weights set}, {@code commit} and {@code reveal} take: a subnet, its UIDs and their weights. */
final class WeightsArguments {
  @Parameters(index = "0", paramLabel = "NETUID", description = "The subnet: 0 to 65535.")
  String netuid;

  @Option(names = "--uids", required = true, split = ",", paramLabel = "UID",
      description = "The UIDs weighted, comma-separated (e.g. 1,2).")
  List<String> uids;

  @Option(names = "--values", required = true, split = ",", paramLabel = "VALUE",
      description = "Their weights, 0 to 65535, in the same order (e.g. 100,200); the chain scales them so the "
          + "largest is 65535.")
  List<String> values;

  @Option(names = "--version-key", paramLabel = "K", defaultValue = "0",
      description = "The version of the subnet's software, carried into the WeightsSet event (default: "
          + "${DEFAULT-VALUE}).")
  String versionKey;

  /**
   * Weights as the Weights contract takes them.
   *
   * @param netuid the subnet
   * @param uids the UIDs weighted
   * @param values their weights, in the same order
   * @param versionKey a uint64
   */
  record Weights(int netuid, List<Integer> uids, List<Integer> values, BigInteger versionKey) {
    Weights {
      uids = List.copyOf(uids);
      values = List.copyOf(values);
    }

    /** For people: {@code 2 weights on subnet 1}. */
    String described() {
      return uids.size() + (uids.size() == 1 ? " weight" : " weights") + " on subnet " + netuid;
    }
  }

  /**
   * The weights given, checked before anything is sent.
   *
   * @throws CliException (usage) for a number that does not fit its type, or as many UIDs as values
   */
  Weights weights() {
    List<Integer> parsedUids = AiArguments.u16s("--uids", uids);
    List<Integer> parsedValues = AiArguments.u16s("--values", values);
    if (parsedUids.size() != parsedValues.size()) {
      throw CliException.usage("--uids names " + parsedUids.size() + " and --values " + parsedValues.size()
          + ": give one value a UID");
    }
    return new Weights(AiArguments.netuid(netuid), parsedUids, parsedValues,
        AiArguments.u64("--version-key", versionKey));
  }

  /** What setWeights and revealWeights store, from their WeightsSet event. */
  static void describeWeightsSet(JsonNode receipt, TransactionReport report) {
    List<Object> set = AiContracts.WEIGHTS_SET.decodeFrom(receipt);
    report.number("netuid", "netuid", ((BigInteger) set.get(0)).longValueExact())
        .number("uid", "uid", ((BigInteger) set.get(1)).longValueExact())
        .number("weights", "weights", ((BigInteger) set.get(2)).longValueExact())
        .text("version key", "versionKey", set.get(3).toString());
  }
}
