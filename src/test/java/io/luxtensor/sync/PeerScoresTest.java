package io.luxtensor.sync;

import static io.luxtensor.sync.TestPeers.peer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PeerScoresTest {
  private static final long BAN = 60_000;

  @Test
  void usefulAnswersRaiseTheScoreUpToTheCapAndTimeoutsLowerIt() {
    PeerScores scores = new PeerScores(10, BAN);
    for (int i = 0; i < 150; i++) {
      scores.record(peer(1), PeerEvent.USEFUL_RESPONSE, i);
    }
    assertEquals(PeerScores.SCORE_MAX, scores.score(peer(1)));
    scores.record(peer(1), PeerEvent.TIMEOUT, 200);
    assertEquals(PeerScores.SCORE_MAX - 10, scores.score(peer(1)));
    assertEquals(0, scores.score(peer(2)), "unknown peers start neutral");
  }

  @Test
  void invalidDataBansAtOnceUntilTheBanExpires() {
    PeerScores scores = new PeerScores(10, BAN);
    assertTrue(scores.record(peer(1), PeerEvent.INVALID_DATA, 1_000));
    assertTrue(scores.isBanned(peer(1), 1_000));
    assertTrue(scores.isBanned(peer(1), 1_000 + BAN - 1));
    assertFalse(scores.isBanned(peer(1), 1_000 + BAN));
    assertEquals(OptionalLong.of(1_000 + BAN), scores.bannedUntil(peer(1)));
    assertFalse(scores.record(peer(1), PeerEvent.PROTOCOL_VIOLATION, 2_000), "a ban is not extended");
    assertEquals(OptionalLong.of(1_000 + BAN), scores.bannedUntil(peer(1)));
  }

  @Test
  void fiveTimeoutsInARowBanAndAPeerBackFromABanIsOnProbation() {
    PeerScores scores = new PeerScores(10, BAN);
    for (int i = 0; i < 4; i++) {
      assertFalse(scores.record(peer(1), PeerEvent.TIMEOUT, i));
    }
    assertTrue(scores.record(peer(1), PeerEvent.TIMEOUT, 10));
    assertEquals(PeerScores.SCORE_BAN, scores.score(peer(1)));
    scores.record(peer(1), PeerEvent.USEFUL_RESPONSE, 10 + BAN);
    assertFalse(scores.isBanned(peer(1), 10 + BAN));
    assertEquals(PeerScores.SCORE_AFTER_BAN + 1, scores.score(peer(1)));
    assertEquals(OptionalLong.empty(), scores.bannedUntil(peer(1)));
  }

  @Test
  void gossipVerdictsMoveTheSameScore() {
    PeerScores scores = new PeerScores(10, BAN);
    scores.record(peer(1), PeerEvent.GOSSIP_ACCEPTED, 0);
    scores.record(peer(1), PeerEvent.GOSSIP_REJECTED, 0);
    assertEquals(-19, scores.score(peer(1)));
  }

  @Test
  void atTheCapTheBestScoredUnbannedPeerIsForgottenBeforeAnyBannedOne() {
    PeerScores scores = new PeerScores(3, BAN);
    scores.record(peer(1), PeerEvent.INVALID_DATA, 0);
    scores.record(peer(2), PeerEvent.USEFUL_RESPONSE, 0);
    scores.record(peer(3), PeerEvent.TIMEOUT, 0);
    scores.record(peer(4), PeerEvent.TIMEOUT, 0);
    assertEquals(3, scores.size());
    assertEquals(0, scores.score(peer(2)), "the best-known peer was forgotten");
    assertTrue(scores.isBanned(peer(1), 1));
    assertEquals(-10, scores.score(peer(3)));

    scores.record(peer(5), PeerEvent.TIMEOUT, 0);
    assertEquals(0, scores.score(peer(3)), "then the one silent longest among equals");
    assertEquals(-10, scores.score(peer(4)));
    assertTrue(scores.isBanned(peer(1), 1), "a ban outlives every unbanned record");
  }

  @Test
  void whenAllAreBannedTheBanEndingSoonestIsForgotten() {
    PeerScores scores = new PeerScores(2, BAN);
    scores.record(peer(1), PeerEvent.INVALID_DATA, 5);
    scores.record(peer(2), PeerEvent.INVALID_DATA, 0);
    scores.record(peer(3), PeerEvent.INVALID_DATA, 10);
    assertTrue(scores.isBanned(peer(1), 11));
    assertFalse(scores.isBanned(peer(2), 11));
    assertTrue(scores.isBanned(peer(3), 11));
  }
}
