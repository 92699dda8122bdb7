package io.luxtensor.ai.yuma;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * What Yuma reads of one UID: its stake, the block it last set weights in, the block its current occupant registered
 * in, and its rows of the weight and bond matrices (u16 per UID of the subnet; empty when it has none).
 */
public record UidState(BigInteger stake, long lastUpdate, long registeredAt, int[] weights, int[] bonds) {
  public UidState {
    weights = weights.clone();
    bonds = bonds.clone();
    for (int[] row : new int[][] {weights, bonds}) {
      for (int value : row) {
        if (value < 0 || value > Fixed.U16_MAX) {
          throw new IllegalArgumentException("weights and bonds are u16, not " + value);
        }
      }
    }
  }

  @Override
  public int[] weights() {
    return weights.clone();
  }

  @Override
  public int[] bonds() {
    return bonds.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UidState o && stake.equals(o.stake) && lastUpdate == o.lastUpdate
        && registeredAt == o.registeredAt && Arrays.equals(weights, o.weights) && Arrays.equals(bonds, o.bonds);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * stake.hashCode() + Arrays.hashCode(weights)) + Arrays.hashCode(bonds);
  }

  @Override
  public String toString() {
    return "UidState[stake=" + stake + ", lastUpdate=" + lastUpdate + ", registeredAt=" + registeredAt
        + ", weights=" + Arrays.toString(weights) + ", bonds=" + Arrays.toString(bonds) + "]";
  }
}
