package io.luxtensor.ai;

import io.luxtensor.types.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an AI task's fee is paid out once its windows have closed: each revealed result is worth the stake-weighted
 * median of the scores permitted validators gave it (a result a dispute voided is worth nothing); the miners' part of
 * the fee is shared in proportion to those medians, the validators' part among the validators who scored, in
 * proportion to their stake; what rounding leaves goes back to the requester, and so does the whole fee when no
 * result is worth anything. Integer arithmetic only, so every node pays the same wei.
 */
public final class TaskSettlement {
  /** Shares are in basis points. */
  public static final int BASIS_POINTS = 10_000;

  private TaskSettlement() {}

  /** One validator's score (0 to 65535) of a result, and the stake it weighs with. */
  public record Score(Address validator, int score, BigInteger stake) {}

  /** A miner's revealed result: who answered, the scores it received, and whether a dispute voided it. */
  public record Result(Address miner, List<Score> scores, boolean voided) {
    public Result {
      scores = List.copyOf(scores);
    }
  }

  /**
   * What the task pays: per miner (in the order given) its median score and payout, per scoring validator (by
   * address) its payout, and the refund to the requester.
   */
  public record Payout(List<Integer> medians, List<BigInteger> miners, Map<Address, BigInteger> validators,
      BigInteger refund) {
    public Payout {
      medians = List.copyOf(medians);
      miners = List.copyOf(miners);
      validators = new TreeMap<>(validators);
    }
  }

  /** Settles {@code fee} over {@code results}, {@code validatorShare} basis points of it going to the validators. */
  public static Payout settle(BigInteger fee, int validatorShare, List<Result> results) {
    if (validatorShare < 0 || validatorShare > BASIS_POINTS) {
      throw new IllegalArgumentException("the validators' share is in basis points, not " + validatorShare);
    }
    List<Integer> medians = results.stream().map(r -> r.voided() ? 0 : weightedMedian(r.scores())).toList();
    long total = medians.stream().mapToLong(Integer::longValue).sum();
    List<BigInteger> minerPay = new ArrayList<>();
    Map<Address, BigInteger> validatorPay = new TreeMap<>();
    if (total == 0) {
      results.forEach(r -> minerPay.add(BigInteger.ZERO));
      return new Payout(medians, minerPay, validatorPay, fee);
    }
    BigInteger validatorsPart = fee.multiply(BigInteger.valueOf(validatorShare))
        .divide(BigInteger.valueOf(BASIS_POINTS));
    BigInteger minersPart = fee.subtract(validatorsPart);
    BigInteger paid = BigInteger.ZERO;
    for (int median : medians) {
      BigInteger pay = minersPart.multiply(BigInteger.valueOf(median)).divide(BigInteger.valueOf(total));
      minerPay.add(pay);
      paid = paid.add(pay);
    }
    Map<Address, BigInteger> scorerStake = new TreeMap<>();
    results.stream().filter(r -> !r.voided()).flatMap(r -> r.scores().stream())
        .forEach(s -> scorerStake.put(s.validator(), s.stake()));
    BigInteger stakeTotal = scorerStake.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    if (stakeTotal.signum() > 0) {
      for (Map.Entry<Address, BigInteger> scorer : scorerStake.entrySet()) {
        BigInteger pay = validatorsPart.multiply(scorer.getValue()).divide(stakeTotal);
        validatorPay.put(scorer.getKey(), pay);
        paid = paid.add(pay);
      }
    }
    return new Payout(medians, minerPay, validatorPay, fee.subtract(paid));
  }

  /**
   * The largest score that validators holding at least half the scoring stake gave or exceeded:
   * {@code max { s : 2 · Σ stake[score ≥ s] ≥ Σ stake }}, as Yuma's consensus with kappa one half; 0 without
   * scores.
   * Scores from validators without stake count as one wei each, so a subnet without stake still settles.
   */
  public static int weightedMedian(List<Score> scores) {
    List<Score> byScore = new ArrayList<>(scores);
    byScore.sort(Comparator.comparingInt(Score::score).reversed().thenComparing(Score::validator));
    BigInteger total = byScore.stream().map(TaskSettlement::weight).reduce(BigInteger.ZERO, BigInteger::add);
    BigInteger reached = BigInteger.ZERO;
    for (int i = 0; i < byScore.size(); i++) {
      reached = reached.add(weight(byScore.get(i)));
      boolean lastOfItsScore = i + 1 == byScore.size() || byScore.get(i + 1).score() != byScore.get(i).score();
      if (lastOfItsScore && reached.shiftLeft(1).compareTo(total) >= 0) {
        return byScore.get(i).score();
      }
    }
    return 0;
  }

  /** Whether a dispute is upheld: at least two thirds of the {@code voters} permitted validators said so. */
  public static boolean upheld(int votesToUphold, int voters) {
    return voters > 0 && 3L * votesToUphold >= 2L * voters;
  }

  private static BigInteger weight(Score score) {
    return score.stake().signum() > 0 ? score.stake() : BigInteger.ONE;
  }
}
