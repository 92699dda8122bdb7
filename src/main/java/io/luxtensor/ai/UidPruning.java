package io.luxtensor.ai;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Which UID a new registration takes on a full subnet: the one with the lowest emission among those past their
 * immunity period, ties to the earliest registration, then the lowest UID. None while every UID is immune.
 */
public final class UidPruning {
  private UidPruning() {}

  /** What the choice reads of each UID. */
  public record Candidate(BigInteger emission, long registeredAt) {}

  /** The UID to replace in {@code block}, or empty if every one registered less than {@code immunity} blocks ago. */
  public static Optional<Integer> uidToReplace(List<Candidate> uids, long block, long immunity) {
    return IntStream.range(0, uids.size()).boxed()
        .filter(uid -> block - uids.get(uid).registeredAt() >= immunity)
        .min(Comparator.<Integer, BigInteger>comparing(uid -> uids.get(uid).emission())
            .thenComparingLong(uid -> uids.get(uid).registeredAt())
            .thenComparingInt(uid -> uid));
  }
}
