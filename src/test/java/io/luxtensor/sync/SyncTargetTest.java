package io.luxtensor.sync;

import static io.luxtensor.sync.TestPeers.hash;
import static io.luxtensor.sync.TestPeers.peer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.luxtensor.types.Hash;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncTargetTest {
  private static final Hash A = hash(1);
  private static final Hash B = hash(2);
  private static final Hash C = hash(3);
  /** The local head's hash, where a test does not care. */
  private static final Hash LOCAL = hash(99);

  private static PeerStatus status(long head, long finalized, Hash finalizedHash) {
    return new PeerStatus(head, hash((int) head), finalized, finalizedHash);
  }

  @Test
  void twoPeersAgreeingOnTheHighestCheckpointSetTheTargetAndTheHighestHeadSetsTheTail() {
    var statuses = Map.of(
        peer(1), status(1_100, 1_000, A),
        peer(2), status(1_050, 1_000, A),
        peer(3), status(1_300, 900, C));
    assertEquals(Optional.of(new SyncTarget(1_000, A, 1_300)), SyncTarget.choose(statuses, 10, LOCAL));
  }

  @Test
  void aCheckpointOnlyOnePeerReportsIsPassedOverForALowerAgreedOne() {
    var statuses = Map.of(
        peer(1), status(5_000, 4_000, A),
        peer(2), status(1_050, 1_000, B),
        peer(3), status(1_060, 1_000, B));
    assertEquals(Optional.of(new SyncTarget(1_000, B, 5_000)), SyncTarget.choose(statuses, 10, LOCAL));
  }

  @Test
  void peersDisagreeingOnTheHashAtOneNumberAgreeOnNothing() {
    var statuses = Map.of(peer(1), status(1_100, 1_000, A), peer(2), status(1_100, 1_000, B));
    assertEquals(Optional.empty(), SyncTarget.choose(statuses, 10, LOCAL));
  }

  @Test
  void aForkBackedEquallyOnBothSidesIsSkippedAndTheMajorityWinsOtherwise() {
    var tie = Map.of(
        peer(1), status(1_100, 1_000, A), peer(2), status(1_100, 1_000, A),
        peer(3), status(1_100, 1_000, B), peer(4), status(1_100, 1_000, B),
        peer(5), status(800, 700, C), peer(6), status(800, 700, C));
    assertEquals(Optional.of(new SyncTarget(700, C, 1_100)), SyncTarget.choose(tie, 10, LOCAL),
        "heads of peers that finalized past the target may be on its chain, so they count for the tail");

    var majority = Map.of(
        peer(1), status(1_100, 1_000, A), peer(2), status(1_100, 1_000, A), peer(3), status(1_200, 1_000, A),
        peer(4), status(9_000, 1_000, B), peer(5), status(9_000, 1_000, B));
    assertEquals(Optional.of(new SyncTarget(1_000, A, 1_200)), SyncTarget.choose(majority, 10, LOCAL),
        "the tail ignores heads of peers that finalized another block at the target");
  }

  @Test
  void aLonePeerIsFollowed() {
    assertEquals(Optional.of(new SyncTarget(1_000, A, 1_100)),
        SyncTarget.choose(Map.of(peer(1), status(1_100, 1_000, A)), 10, LOCAL));
  }

  @Test
  void nothingWhenNoPeersOrTheTargetIsNotAhead() {
    assertEquals(Optional.empty(), SyncTarget.choose(Map.of(), 10, LOCAL));
    var statuses = Map.of(peer(1), status(1_100, 1_000, A), peer(2), status(1_100, 1_000, A));
    assertEquals(Optional.empty(), SyncTarget.choose(statuses, 1_000, LOCAL));
    assertEquals(Optional.of(new SyncTarget(1_000, A, 1_100)), SyncTarget.choose(statuses, 999, LOCAL));
  }

  @Test
  void aHeadThatIsThePeersFinalizedBlockSyncsTheTailAboveIt() {
    var statuses = Map.of(peer(1), status(1_002, 1_000, A), peer(2), status(1_001, 1_000, A));
    assertEquals(Optional.of(new SyncTarget(1_000, A, 1_002)), SyncTarget.choose(statuses, 1_000, A),
        "a node whose head is the agreed finalized block fetches the blocks above it (after state sync, say)");
    assertEquals(Optional.empty(), SyncTarget.choose(statuses, 1_000, B),
        "a head of the same number on another chain is not extended with blocks that do not build on it");
    var nothingAbove = Map.of(peer(1), status(1_000, 1_000, A));
    assertEquals(Optional.empty(), SyncTarget.choose(nothingAbove, 1_000, A));
  }

  @Test
  void aStatusWithTheFinalizedBlockAboveTheHeadIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PeerStatus(10, A, 11, B));
  }
}
