package io.luxtensor.cli;

import io.luxtensor.ai.SubnetHyperparameters;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A subnet's eleven hyperparameters as options, each defaulting to subtensor's value ({@link SubnetHyperparameters}
 * holds the defaults and the bounds every node enforces, checked here before anything is sent).
 */
final class HyperparameterOptions {
  private static final SubnetHyperparameters DEFAULTS = SubnetHyperparameters.DEFAULTS;

  @Option(names = "--tempo", paramLabel = "BLOCKS",
      description = "Blocks between two Yuma epochs (default: ${DEFAULT-VALUE}).")
  int tempo = DEFAULTS.tempo();

  @Option(names = "--max-uids", paramLabel = "N",
      description = "UID slots, at most " + SubnetHyperparameters.UIDS_MAX + " (default: ${DEFAULT-VALUE}).")
  int maxUids = DEFAULTS.maxUids();

  @Option(names = "--max-validators", paramLabel = "N",
      description = "UIDs with the most stake that hold a validator permit (default: ${DEFAULT-VALUE}, or --max-uids "
          + "if fewer).")
  int maxValidators = DEFAULTS.maxValidators();

  @Option(names = "--immunity-period", paramLabel = "BLOCKS",
      description = "Blocks after registration during which a UID cannot be replaced (default: ${DEFAULT-VALUE}).")
  int immunityPeriod = DEFAULTS.immunityPeriod();

  @Option(names = "--activity-cutoff", paramLabel = "BLOCKS",
      description = "Blocks without setting weights after which a validator is inactive (default: ${DEFAULT-VALUE}).")
  int activityCutoff = DEFAULTS.activityCutoff();

  @Option(names = "--weights-rate-limit", paramLabel = "BLOCKS",
      description = "Blocks a validator waits between two weight settings (default: ${DEFAULT-VALUE}).")
  int weightsRateLimit = DEFAULTS.weightsRateLimit();

  @Option(names = "--min-allowed-weights", paramLabel = "N",
      description = "The fewest UIDs a validator's weights must name (default: ${DEFAULT-VALUE}).")
  int minAllowedWeights = DEFAULTS.minAllowedWeights();

  @Option(names = "--kappa", paramLabel = "N",
      description = "The stake share, of 65535, a miner's consensus weight must reach (default: ${DEFAULT-VALUE}).")
  int kappa = DEFAULTS.kappa();

  @Option(names = "--bonds-moving-average", paramLabel = "N",
      description = "The weight of old bonds, per million, at most " + SubnetHyperparameters.BONDS_MOVING_AVERAGE_MAX
          + " (default: ${DEFAULT-VALUE}).")
  int bondsMovingAverage = DEFAULTS.bondsMovingAverage();

  @Option(names = "--commit-reveal",
      description = "Take weights only as a commitment first and its reveal later (default: off).")
  boolean commitReveal = DEFAULTS.commitReveal();

  @Option(names = "--commit-reveal-period", paramLabel = "EPOCHS",
      description = "Epochs between a commitment and its reveal, at most "
          + SubnetHyperparameters.COMMIT_REVEAL_PERIOD_MAX + " (default: ${DEFAULT-VALUE}).")
  int commitRevealPeriod = DEFAULTS.commitRevealPeriod();

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /**
   * The hyperparameters given, the defaults for the rest; a subnet of fewer UIDs than the default validators has
   * as many validators as UIDs unless told otherwise, as "--max-uids 16" alone asks for a subnet that can exist.
   *
   * @throws CliException (usage) naming the first one out of its bounds
   */
  SubnetHyperparameters parameters() {
    int validators = spec.commandLine().getParseResult().hasMatchedOption("--max-validators") ? maxValidators
        : Math.min(maxValidators, maxUids);
    SubnetHyperparameters parameters = new SubnetHyperparameters(tempo, maxUids, validators, immunityPeriod,
        activityCutoff, weightsRateLimit, minAllowedWeights, kappa, bondsMovingAverage, commitReveal,
        commitRevealPeriod);
    parameters.problem().ifPresent(problem -> {
      throw CliException.usage(asOption(problem));
    });
    return parameters;
  }

  /** "maxUids must be …" as "--max-uids must be …": the problem named as the person typed it. */
  private static String asOption(String problem) {
    int end = problem.indexOf(' ');
    return "--" + optionName(problem.substring(0, end)) + problem.substring(end);
  }

  /** A hyperparameter's name as its option spells it, without the dashes: {@code maxUids} is {@code max-uids}. */
  static String optionName(String hyperparameter) {
    return hyperparameter.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** {@code registerSubnet}'s {@code uint256[11]}, in the order docs/ai-network.md lists them. */
  static List<BigInteger> asAbi(SubnetHyperparameters p) {
    return Stream.of(p.tempo(), p.maxUids(), p.maxValidators(), p.immunityPeriod(), p.activityCutoff(),
        p.weightsRateLimit(), p.minAllowedWeights(), p.kappa(), p.bondsMovingAverage(), p.commitReveal() ? 1 : 0,
        p.commitRevealPeriod()).map(BigInteger::valueOf).toList();
  }
}
