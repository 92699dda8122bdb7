package io.luxtensor.consensus;

/**
 * What an offence costs.
 *
 * @param percent the least share of its stake an offender loses; more when many are slashed together
 * @param reporterShareDivisor the proposer that carries the evidence gets 1/divisor of the penalty; the rest is burned
 */
public record SlashingParameters(int percent, int reporterShareDivisor) {
  /** 10% at least, as DESIGN §5 sets it; an eighth of it to the reporter. */
  public static final SlashingParameters DEFAULT = new SlashingParameters(10, 8);

  public SlashingParameters {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("percent must be in [1, 100], got " + percent);
    }
    if (reporterShareDivisor < 1) {
      throw new IllegalArgumentException("reporterShareDivisor must be in [1, " + Integer.MAX_VALUE + "], got "
          + reporterShareDivisor);
    }
  }
}
