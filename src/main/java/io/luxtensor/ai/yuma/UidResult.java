package io.luxtensor.ai.yuma;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * What an epoch gives one UID, as u16 proportions (of 65535) except the emission (base units) and the bonds (its
 * row, each column scaled so its largest bond is 65535).
 *
 * @param rank the stake-weighted sum of the clipped weights it received
 * @param trust the share of its rank that clipping left (rank over the rank before clipping)
 * @param validatorTrust the sum of its own clipped weights: how much of what it set agreed with consensus
 * @param consensus the stake-weighted median of the weights it received
 * @param incentive its share of the miners' half of the emission
 * @param dividends its share of the validators' half
 * @param minerEmission what it earned this epoch as a miner (by incentive), in base units
 * @param validatorEmission what it earned this epoch as a validator (by dividends, or by stake when no consensus
 *     formed), in base units
 * @param validatorPermit whether it is among the UIDs with the most stake that may validate
 * @param bonds its bonds to every UID
 */
public record UidResult(int rank, int trust, int validatorTrust, int consensus, int incentive, int dividends,
    BigInteger minerEmission, BigInteger validatorEmission, boolean validatorPermit, int[] bonds) {
  public UidResult {
    bonds = bonds.clone();
  }

  @Override
  public int[] bonds() {
    return bonds.clone();
  }

  /** All it earned this epoch, in base units. */
  public BigInteger emission() {
    return minerEmission.add(validatorEmission);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UidResult o && rank == o.rank && trust == o.trust && validatorTrust == o.validatorTrust
        && consensus == o.consensus && incentive == o.incentive && dividends == o.dividends
        && minerEmission.equals(o.minerEmission) && validatorEmission.equals(o.validatorEmission)
        && validatorPermit == o.validatorPermit && Arrays.equals(bonds, o.bonds);
  }

  @Override
  public int hashCode() {
    return 31 * minerEmission.hashCode() + validatorEmission.hashCode() * 17 + Arrays.hashCode(bonds);
  }

  @Override
  public String toString() {
    return "UidResult[rank=" + rank + ", trust=" + trust + ", validatorTrust=" + validatorTrust + ", consensus="
        + consensus + ", incentive=" + incentive + ", dividends=" + dividends + ", minerEmission=" + minerEmission
        + ", validatorEmission=" + validatorEmission
        + ", validatorPermit=" + validatorPermit + ", bonds=" + Arrays.toString(bonds) + "]";
  }
}
