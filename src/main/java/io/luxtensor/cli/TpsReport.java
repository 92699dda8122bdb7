package io.luxtensor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code bench tps} reports: a one-line summary, and the JSON of {@code --json} (its fields are documented in
 * docs/cli.md, "bench tps").
 *
 * @param settings how the transfers were sent
 * @param plan what was signed
 * @param signing how long signing took, on all cores
 * @param funding the senders' funding; empty with {@code --no-fund}
 * @param firstBlock the first block followed
 * @param outcome what was measured
 * @param node the node's process during the load, if it was found
 * @param generator this process during the load (empty without /proc)
 */
record TpsReport(TpsLoad.Settings settings, BenchTransfers.Plan plan, Duration signing,
    Optional<SenderFunding.Funded> funding, long firstBlock, TpsLoad.Outcome outcome, Optional<ProcessUsage> node,
    Optional<ProcessUsage> generator) {
  private static final double MIB = 1024 * 1024;

  /**
   * A process's use of the machine over the load.
   *
   * @param pid the process
   * @param before its sample when the load started
   * @param after its sample when it ended
   * @param wall the time between the two
   */
  record ProcessUsage(long pid, NodeProcess.Sample before, NodeProcess.Sample after, Duration wall) {
    double cpuSeconds() {
      return (after.cpuNanos() - before.cpuNanos()) / 1e9;
    }

    /** CPU time over wall time: 2.0 is two cores kept busy. */
    double cores() {
      return cpuSeconds() / (wall.toNanos() / 1e9);
    }
  }

  long rejected() {
    return outcome.rejections().total();
  }

  /** Accepted transfers that no block included before the run ended. */
  long notIncluded() {
    return Math.max(0, outcome.accepted() - outcome.included());
  }

  /** Whether every transfer was sent, accepted and included. */
  boolean complete() {
    return outcome.included() == plan.transfers() && rejected() == 0;
  }

  /** Answers per second: transfers sent over the time from the first sent to the last answered. */
  double submittedPerSecond() {
    return perSecond(outcome.submitted(), outcome.lastAnswerNanos() - outcome.firstSentNanos());
  }

  /** Inclusions per second: transfers included over the time from the first sent to the last included. */
  double includedPerSecond() {
    return perSecond(outcome.included(), outcome.lastInclusionNanos() - outcome.firstSentNanos());
  }

  /** From the first transfer sent to the last included, in seconds. */
  double seconds() {
    return outcome.included() == 0 ? 0 : (outcome.lastInclusionNanos() - outcome.firstSentNanos()) / 1e9;
  }

  String summary() {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "bench tps: %d type-%d transfers from %d senders over %d %s connections in batches of %d, %s (window %d): "
            + "signed in %.1f s (%.0f/s); submitted %d at %.1f/s, %d rejected; included %d at %.1f/s over %.1f s "
            + "in %d blocks",
        plan.transfers(), plan.type().id(), plan.senders(), settings.connections(),
        settings.webSocket() ? "WebSocket" : "HTTP", settings.batch(),
        settings.paced() ? settings.ratePerSecond() + "/s" : "as fast as possible", settings.window(),
        signing.toNanos() / 1e9, perSecond(plan.transfers(), signing.toNanos()), outcome.submitted(),
        submittedPerSecond(), rejected(), outcome.included(), includedPerSecond(), seconds(), outcome.blocks()));
    if (outcome.included() > 0) {
      line.append(String.format(Locale.ROOT, "; inclusion p50 %.1f ms, p99 %.1f ms, max %.1f ms",
          millis(50), millis(99), RpcBenchStats.toMillis(outcome.inclusionNanos().getMaxValue())));
    }
    if (notIncluded() > 0) {
      line.append("; ").append(notIncluded()).append(" accepted but not included");
    }
    if (rejected() > 0) {
      line.append("; rejected: ").append(outcome.rejections().groups().stream()
          .map(group -> group.reason() + " (" + group.count() + ")").collect(Collectors.joining(", ")));
    }
    if (!outcome.stoppedBecause().isEmpty()) {
      line.append("; sending stopped after ").append(outcome.submitted()).append(": ")
          .append(outcome.stoppedBecause());
    }
    node.ifPresent(usage -> line.append(String.format(Locale.ROOT,
        "; node pid %d: RSS %.0f MiB (peak %.0f MiB), CPU %.1f s (%.2f cores)", usage.pid(),
        usage.after().rssBytes() / MIB, usage.after().rssPeakBytes() / MIB, usage.cpuSeconds(), usage.cores())));
    generator.filter(self -> node.isEmpty() || node.get().pid() != self.pid())
        .ifPresent(self -> line.append(String.format(Locale.ROOT, "; generator CPU %.1f s (%.2f cores)",
            self.cpuSeconds(), self.cores())));
    if (outcome.followErrors() > 0) {
      line.append("; ").append(outcome.followErrors()).append(" failed requests for blocks, the first: ")
          .append(outcome.firstFollowError());
    }
    if (outcome.blocksReplaced() > 0) {
      line.append("; ").append(outcome.blocksReplaced()).append(" blocks followed were replaced by reorganisations");
    }
    return line.toString();
  }

  ObjectNode json() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("url", settings.url().toString());
    out.put("transport", settings.webSocket() ? "websocket" : "http");
    out.put("type", plan.type().id());
    out.put("senders", plan.senders());
    out.put("txs", plan.transfers());
    out.put("seed", plan.seed());
    out.put("maxFeeGwei", plan.maxFeePerGas().divide(BenchTpsCommand.WEI_PER_GWEI).longValueExact());
    out.put("rate", settings.ratePerSecond());
    out.put("batch", settings.batch());
    out.put("connections", settings.connections());
    out.put("window", settings.window());
    out.put("signSeconds", RpcBenchStats.round(signing.toNanos() / 1e9));
    out.put("signedPerSecond", RpcBenchStats.round(perSecond(plan.transfers(), signing.toNanos())));
    out.put("funded", funding.map(SenderFunding.Funded::transfers).orElse(0));
    out.put("fundSeconds", RpcBenchStats.round(funding.map(f -> f.took().toNanos() / 1e9).orElse(0.0)));
    out.put("firstBlock", firstBlock);
    out.put("blocks", outcome.blocks());
    out.put("submitted", outcome.submitted());
    out.put("accepted", outcome.accepted());
    out.put("rejected", rejected());
    out.put("included", outcome.included());
    out.put("notIncluded", notIncluded());
    out.put("submittedPerSecond", RpcBenchStats.round(submittedPerSecond()));
    out.put("includedPerSecond", RpcBenchStats.round(includedPerSecond()));
    out.put("seconds", RpcBenchStats.round(seconds()));
    out.set("inclusionMs", RpcBenchStats.latencyJson(outcome.inclusionNanos()));
    ArrayNode reasons = out.putArray("rejections");
    outcome.rejections().groups().forEach(group -> reasons.addObject().put("reason", group.reason())
        .put("count", group.count()).put("example", group.example()));
    out.put("stoppedBecause", outcome.stoppedBecause());
    out.put("followErrors", outcome.followErrors());
    out.put("firstFollowError", outcome.firstFollowError());
    out.put("blocksReplaced", outcome.blocksReplaced());
    node.ifPresent(usage -> out.set("node", usageJson(usage)
        .put("rssMiB", RpcBenchStats.round(usage.after().rssBytes() / MIB))
        .put("rssPeakMiB", RpcBenchStats.round(usage.after().rssPeakBytes() / MIB))));
    generator.ifPresent(self -> out.set("generator", usageJson(self)));
    return out;
  }

  private static ObjectNode usageJson(ProcessUsage usage) {
    return JsonNodeFactory.instance.objectNode().put("pid", usage.pid())
        .put("cpuSeconds", RpcBenchStats.round(usage.cpuSeconds())).put("cpuCores", RpcBenchStats.round(usage.cores()));
  }

  private double millis(double percentile) {
    return RpcBenchStats.toMillis(outcome.inclusionNanos().getValueAtPercentile(percentile));
  }

  private static double perSecond(long count, long nanos) {
    return nanos <= 0 ? 0 : count / (nanos / 1e9);
  }
}
