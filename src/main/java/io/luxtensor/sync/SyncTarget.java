package io.luxtensor.sync;

import io.luxtensor.types.Hash;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What to sync to: a finalized block that peers agree on, then the tail above it that the node may follow up to the
 * highest head a compatible peer reports (asking only peers whose head covers each range).
 *
 * @param finalizedNumber the number of the agreed finalized block
 * @param finalizedHash its hash, which the downloaded header chain must end in
 * @param tailNumber the highest head reported by a peer that does not contradict the target; at least
 *     {@code finalizedNumber}
 */
public record SyncTarget(long finalizedNumber, Hash finalizedHash, long tailNumber) {
  /**
   * Two, so that one peer cannot steer a node that has others onto its fork; as in CometBFT's light client
   * cross-checking a primary against a witness. A lone peer is followed anyway: refusing would stall a two-node net.
   */
  public static final int AGREEING_PEERS_MIN = 2;

  public SyncTarget {
    Objects.requireNonNull(finalizedHash, "finalizedHash");
    if (tailNumber < finalizedNumber) {
      throw new IllegalArgumentException("tail " + tailNumber + " below the finalized target " + finalizedNumber);
    }
  }

  /**
   * The highest finalized block reported with the same number and hash by at least {@link #AGREEING_PEERS_MIN}
   * peers, or the only peer's when just one is connected; empty when none qualifies or it is not above
   * {@code localHeadNumber}, unless it is the local head itself (a node that started from it by state sync) and a
   * peer's head is above it. Two hashes at one number each with enough backers is a fork: the one with more backers
   * wins, and on a tie neither is chosen, since nothing here can tell which is honest.
   */
  public static Optional<SyncTarget> choose(Map<PeerId, PeerStatus> statuses, long localHeadNumber,
      Hash localHeadHash) {
    int needed = statuses.size() == 1 ? 1 : AGREEING_PEERS_MIN;
    TreeMap<Long, TreeMap<Hash, Integer>> backers = new TreeMap<>();
    for (PeerStatus s : statuses.values()) {
      backers.computeIfAbsent(s.finalizedNumber(), n -> new TreeMap<>()).merge(s.finalizedHash(), 1, Integer::sum);
    }
    for (var atNumber : backers.descendingMap().entrySet()) {
      long number = atNumber.getKey();
      if (number < localHeadNumber) {
        return Optional.empty();
      }
      Optional<Hash> agreed = mostBacked(atNumber.getValue(), needed);
      if (number == localHeadNumber) {
        return agreed.filter(localHeadHash::equals)
            .map(hash -> new SyncTarget(number, hash, tail(statuses.values(), number, hash)))
            .filter(target -> target.tailNumber() > localHeadNumber);
      }
      if (agreed.isPresent()) {
        return Optional.of(new SyncTarget(number, agreed.get(), tail(statuses.values(), number, agreed.get())));
      }
    }
    return Optional.empty();
  }

  /**
   * The blocks above the local {@code number} (its hash {@code hash}) up to the highest head of a peer that does not
   * contradict it, when no finalized block above it has enough backers: peers finalizing a slot apart each back a
   * different one, yet a block they gossip cannot be attached. What is fetched is checked block by block on import;
   * nothing here is trusted as final.
   */
  public static Optional<SyncTarget> aboveLocal(Map<PeerId, PeerStatus> statuses, long number, Hash hash) {
    long tail = tail(statuses.values(), number, hash);
    return tail > number ? Optional.of(new SyncTarget(number, hash, tail)) : Optional.empty();
  }

  private static Optional<Hash> mostBacked(TreeMap<Hash, Integer> byHash, int needed) {
    var ranked = byHash.entrySet().stream()
        .filter(e -> e.getValue() >= needed)
        .sorted(Map.Entry.<Hash, Integer>comparingByValue(Comparator.reverseOrder()))
        .toList();
    if (ranked.isEmpty() || ranked.size() > 1 && ranked.get(0).getValue().equals(ranked.get(1).getValue())) {
      return Optional.empty();
    }
    return Optional.of(ranked.get(0).getKey());
  }

  private static long tail(Collection<PeerStatus> statuses, long number, Hash hash) {
    return statuses.stream()
        .filter(s -> !s.conflictsWith(number, hash))
        .mapToLong(PeerStatus::headNumber)
        .max()
        .orElse(number);
  }
}
