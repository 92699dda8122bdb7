package io.luxtensor.ai.yuma;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One Yuma epoch of a subnet, step by step as ../shared/spec/yuma.md numbers them (subtensor's classic
 * {@code epoch}). Pure and deterministic: fixed point throughout ({@link Fixed}), ties broken by UID.
 *
 * <p>Matrices are rows by UID; a row is {@code null} when it is all zero (a UID that is not a validator has no
 * weights or bonds worth a row), so a subnet of thousands of UIDs with a few dozen validators stays small.
 */
public final class Yuma {
  private Yuma() {}

  /**
   * Runs the epoch of a subnet whose UIDs are {@code uids} (index = UID) at block {@code currentBlock}, its previous
   * epoch having run at {@code lastTempoBlock}, distributing {@code emission} base units. {@code ownerUid} is the
   * subnet owner's UID, whose weight on itself counts, or -1.
   */
  public static List<UidResult> epoch(YumaParameters parameters, List<UidState> uids, long currentBlock,
      long lastTempoBlock, int ownerUid, BigInteger emission) {
    int n = uids.size();
    for (UidState uid : uids) {
      int weights = uid.weights().length;
      int bonds = uid.bonds().length;
      if (weights != 0 && weights != n || bonds != 0 && bonds != n) {
        throw new IllegalArgumentException("a weights or bonds row has not one entry per UID (" + n + "): " + uid);
      }
    }
    // 1. Masks.
    boolean[] active = new boolean[n];
    boolean[] recentlyRegistered = new boolean[n];
    for (int i = 0; i < n; i++) {
      active[i] = uids.get(i).lastUpdate() + parameters.activityCutoff() >= currentBlock;
      recentlyRegistered[i] = lastTempoBlock <= uids.get(i).registeredAt();
    }
    // 2. Stake and permits.
    long[] stake = normalizedStake(uids, parameters.stakeThreshold());
    boolean[] permit = topK(stake, parameters.maxAllowedValidators());
    long[] activeStake = new long[n];
    for (int i = 0; i < n; i++) {
      activeStake[i] = active[i] && permit[i] ? stake[i] : 0;
    }
    activeStake = Fixed.normalize(activeStake);
    // 3. Weights: permitted rows, no self-weight (but the owner's), none set before the target's registration.
    long[][] weights = new long[n][];
    for (int i = 0; i < n; i++) {
      int[] row = uids.get(i).weights();
      if (!permit[i] || row.length == 0) {
        continue;
      }
      long[] masked = new long[n];
      for (int j = 0; j < n; j++) {
        boolean outdated = uids.get(i).lastUpdate() <= uids.get(j).registeredAt();
        masked[j] = (i == j && i != ownerUid) || outdated ? 0 : Fixed.fromU16(row[j]);
      }
      weights[i] = Fixed.normalize(masked);
    }
    // 4. Consensus: the stake-weighted median of each column.
    long[] consensus = weightedMedianColumns(activeStake, weights, n, Fixed.fromU16(parameters.kappa()));
    // 5. Clipping and validator trust.
    long[][] clipped = new long[n][];
    long[] validatorTrust = new long[n];
    for (int i = 0; i < n; i++) {
      if (weights[i] != null) {
        clipped[i] = new long[n];
        for (int j = 0; j < n; j++) {
          clipped[i][j] = Math.min(weights[i][j], consensus[j]);
        }
        validatorTrust[i] = Fixed.sum(clipped[i]);
      }
    }
    // 6. Ranks, trust and incentive.
    long[] preRanks = stakeWeightedColumnSums(activeStake, weights);
    long[] ranks = stakeWeightedColumnSums(activeStake, clipped);
    long[] trust = new long[n];
    for (int j = 0; j < n; j++) {
      trust[j] = preRanks[j] == 0 ? 0 : Fixed.div(ranks[j], preRanks[j]);
    }
    long[] incentive = Fixed.normalize(ranks);
    // 7. Weights for bonds: those above consensus cut by the bonds penalty.
    long penalty = Fixed.fromU16(parameters.bondsPenalty());
    long[][] forBonds = new long[n][];
    for (int i = 0; i < n; i++) {
      if (weights[i] != null) {
        forBonds[i] = new long[n];
        for (int j = 0; j < n; j++) {
          forBonds[i][j] = weights[i][j] - Fixed.mul(penalty, weights[i][j] - clipped[i][j]);
        }
      }
    }
    // 8. Bonds: a moving average of each validator's stake-weighted share of every column.
    long[][] previousBonds = new long[n][];
    for (int i = 0; i < n; i++) {
      int[] row = uids.get(i).bonds();
      if (row.length != 0) {
        previousBonds[i] = new long[n];
        for (int j = 0; j < n; j++) {
          previousBonds[i][j] = recentlyRegistered[j] ? 0 : Fixed.fromU16(row[j]);
        }
      }
    }
    normalizeColumns(previousBonds, n);
    long[][] bondsDelta = new long[n][];
    for (int i = 0; i < n; i++) {
      if (forBonds[i] != null) {
        bondsDelta[i] = new long[n];
        for (int j = 0; j < n; j++) {
          bondsDelta[i][j] = Fixed.mul(activeStake[i], forBonds[i][j]);
        }
      }
    }
    normalizeColumns(bondsDelta, n);
    long alpha = Fixed.div(YumaParameters.BONDS_MOVING_AVERAGE_SCALE - parameters.bondsMovingAverage(),
        YumaParameters.BONDS_MOVING_AVERAGE_SCALE);
    long[][] bonds = new long[n][];
    for (int i = 0; i < n; i++) {
      if (bondsDelta[i] != null || previousBonds[i] != null) {
        bonds[i] = new long[n];
        for (int j = 0; j < n; j++) {
          long fresh = bondsDelta[i] == null ? 0 : bondsDelta[i][j];
          long old = previousBonds[i] == null ? 0 : previousBonds[i][j];
          bonds[i][j] = Fixed.mul(alpha, fresh) + Fixed.mul(Fixed.ONE - alpha, old);
        }
      }
    }
    normalizeColumns(bonds, n);
    // 9. Dividends.
    long[] dividends = new long[n];
    for (int i = 0; i < n; i++) {
      if (bonds[i] != null) {
        for (int j = 0; j < n; j++) {
          dividends[i] += Fixed.mul(bonds[i][j], incentive[j]);
        }
      }
    }
    dividends = Fixed.normalize(dividends);
    // 10. Emission: half to miners by incentive, half to validators by dividends (both sum to one).
    BigInteger[][] earned = emissions(emission, incentive, dividends, activeStake);
    // 11. What is stored: u16 proportions, bonds scaled per column, none for UIDs that lost their permit.
    int[][] storedBonds = upscaleColumns(bonds, n);
    List<UidResult> results = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      results.add(new UidResult(Fixed.toU16(ranks[i]), Fixed.toU16(trust[i]), Fixed.toU16(validatorTrust[i]),
          Fixed.toU16(consensus[i]), Fixed.toU16(incentive[i]), Fixed.toU16(dividends[i]), earned[0][i], earned[1][i],
          permit[i],
          permit[i] && storedBonds[i] != null ? storedBonds[i] : new int[0]));
    }
    return results;
  }

  /** Stake as shares of the total, stake below {@code threshold} counting as none. */
  static long[] normalizedStake(List<UidState> uids, BigInteger threshold) {
    BigInteger[] counted = uids.stream().map(UidState::stake)
        .map(s -> s.compareTo(threshold) < 0 ? BigInteger.ZERO : s).toArray(BigInteger[]::new);
    BigInteger total = Arrays.stream(counted).reduce(BigInteger.ZERO, BigInteger::add);
    long[] shares = new long[counted.length];
    if (total.signum() > 0) {
      for (int i = 0; i < counted.length; i++) {
        shares[i] = Fixed.ratio(counted[i], total);
      }
    }
    return shares;
  }

  /** The {@code k} UIDs with the most stake, among those with some; ties go to the higher UID, as subtensor's. */
  static boolean[] topK(long[] stake, int k) {
    boolean[] top = new boolean[stake.length];
    IntStream.range(0, stake.length).boxed()
        .sorted(Comparator.<Integer>comparingLong(i -> stake[i]).thenComparingInt(i -> i).reversed())
        .limit(k).filter(i -> stake[i] > 0).forEach(i -> top[i] = true);
    return top;
  }

  /**
   * Per column j, the largest weight w such that validators holding at least {@code kappa} of the stake gave j at
   * least w: {@code max { w : Σ_i S_i · [W_ij ≥ w] ≥ κ }}, over the rows with stake (a row without weight on j gives
   * it 0). Stake is normalized over those rows first, as subtensor's {@code weighted_median_col} does.
   */
  static long[] weightedMedianColumns(long[] stake, long[][] weights, int columns, long kappa) {
    int n = columns;
    int[] rows = IntStream.range(0, stake.length).filter(i -> stake[i] > 0).toArray();
    long[] rowStake = Fixed.normalize(Arrays.stream(rows).mapToLong(i -> stake[i]).toArray());
    long[] median = new long[n];
    Integer[] order = new Integer[rows.length];
    for (int j = 0; j < n; j++) {
      int column = j;
      long[] scores = Arrays.stream(rows).mapToLong(i -> weights[i] == null ? 0 : weights[i][column]).toArray();
      for (int r = 0; r < rows.length; r++) {
        order[r] = r;
      }
      Arrays.sort(order, Comparator.<Integer>comparingLong(r -> scores[r]).reversed());
      long reached = 0;
      for (int r = 0; r < order.length; r++) {
        reached += rowStake[order[r]];
        boolean lastOfItsScore = r + 1 == order.length || scores[order[r + 1]] != scores[order[r]];
        if (lastOfItsScore && reached >= kappa) {
          median[j] = scores[order[r]];
          break;
        }
      }
    }
    return median;
  }

  /** {@code Σ_i S_i · M_ij} for every column j. */
  static long[] stakeWeightedColumnSums(long[] stake, long[][] matrix) {
    long[] sums = new long[matrix.length];
    for (int i = 0; i < matrix.length; i++) {
      if (matrix[i] != null && stake[i] != 0) {
        for (int j = 0; j < sums.length; j++) {
          sums[j] += Fixed.mul(stake[i], matrix[i][j]);
        }
      }
    }
    return sums;
  }

  /** Divides every column by its sum, in place; columns summing to zero stay zero. */
  static void normalizeColumns(long[][] matrix, int columns) {
    long[] sums = new long[columns];
    for (long[] row : matrix) {
      if (row != null) {
        for (int j = 0; j < columns; j++) {
          sums[j] += row[j];
        }
      }
    }
    for (long[] row : matrix) {
      if (row != null) {
        for (int j = 0; j < columns; j++) {
          row[j] = sums[j] == 0 ? 0 : Fixed.div(row[j], sums[j]);
        }
      }
    }
  }

  /** Each column scaled so its largest entry is 65535, as u16; columns of zeros stay zero. */
  static int[][] upscaleColumns(long[][] matrix, int columns) {
    long[] max = new long[columns];
    for (long[] row : matrix) {
      if (row != null) {
        for (int j = 0; j < columns; j++) {
          max[j] = Math.max(max[j], row[j]);
        }
      }
    }
    int[][] scaled = new int[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      if (matrix[i] != null) {
        scaled[i] = new int[columns];
        for (int j = 0; j < columns; j++) {
          scaled[i][j] = max[j] == 0 ? 0 : Fixed.toU16(Fixed.div(matrix[i][j], max[j]));
        }
      }
    }
    return scaled;
  }

  /**
   * Each UID's share of {@code emission} as a miner (row 0) and as a validator (row 1): miners by incentive,
   * validators by dividends, over the sum of both; with neither (no consensus), validators by active stake and miners
   * nothing.
   */
  static BigInteger[][] emissions(BigInteger emission, long[] incentive, long[] dividends, long[] activeStake) {
    int n = incentive.length;
    long total = Fixed.sum(incentive) + Fixed.sum(dividends);
    BigInteger[][] earned = new BigInteger[2][n];
    for (int i = 0; i < n; i++) {
      earned[0][i] = total == 0 ? BigInteger.ZERO : Fixed.share(emission, Fixed.div(incentive[i], total));
      earned[1][i] = Fixed.share(emission, total == 0 ? activeStake[i] : Fixed.div(dividends[i], total));
    }
    return earned;
  }
}
