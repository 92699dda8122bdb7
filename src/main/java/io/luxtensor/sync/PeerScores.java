package io.luxtensor.sync;

import java.util.Comparator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * How far each peer is trusted: a score moved by {@link PeerEvent}s, and bans that expire. Memory is bounded: at
 * {@link #peersRememberedMax} peers, remembering a new one forgets the one whose loss costs least (see
 * {@link #forgetOne}). Deterministic: the same events in the same order give the same scores and bans.
 */
public final class PeerScores {
  /**
   * A good record caps here, so a peer cannot bank enough credit to misbehave at length: from the top, 15 timeouts
   * in a row still ban it.
   */
  public static final int SCORE_MAX = 100;

  /** At or below this a peer is banned, and its score stops falling. */
  public static final int SCORE_BAN = -50;

  /** A peer back from a ban starts halfway to the next one: on probation, not on a clean slate. */
  public static final int SCORE_AFTER_BAN = SCORE_BAN / 2;

  /**
   * Node keys are free to make, so remembering every peer ever seen is unbounded; 4,096 entries of ~100 bytes are
   * ~400 KB, ten times the connections a node keeps (discovery tables hold a few hundred).
   */
  public static final int PEERS_REMEMBERED_MAX = 4_096;

  /**
   * Long enough that a peer that lied stays out of this sync; short enough that one whose bad data came from a bug
   * it has since fixed, or a fork it has left, gets another chance the same day.
   */
  public static final long BAN_MS = 30 * 60 * 1_000;

  private record Entry(int score, long bannedUntilMillis, long lastEventSeq) {
    boolean bannedAt(long nowMillis) {
      return bannedUntilMillis > nowMillis;
    }
  }

  private final int peersRememberedMax;
  private final long banMillis;
  private final TreeMap<PeerId, Entry> entries = new TreeMap<>();
  private long eventSeq;

  public PeerScores(int peersRememberedMax, long banMillis) {
    if (peersRememberedMax < 1 || banMillis < 1) {
      throw new IllegalArgumentException("need room for a peer and a ban of at least 1 ms, got "
          + peersRememberedMax + " peers, " + banMillis + " ms");
    }
    this.peersRememberedMax = peersRememberedMax;
    this.banMillis = banMillis;
  }

  public static PeerScores withDefaults() {
    return new PeerScores(PEERS_REMEMBERED_MAX, BAN_MS);
  }

  /**
   * Applies {@code event} to {@code peer}'s score, banning it until {@code nowMillis} + the ban time if the event
   * bans or the score reaches {@link #SCORE_BAN}. Events for a banned peer are still recorded but do not extend
   * the ban. Returns whether this event banned the peer (the caller disconnects it).
   */
  public boolean record(PeerId peer, PeerEvent event, long nowMillis) {
    Entry old = entries.get(peer);
    if (old == null) {
      if (entries.size() >= peersRememberedMax) {
        forgetOne(nowMillis);
      }
      old = new Entry(0, 0, 0);
    } else if (old.bannedUntilMillis() != 0 && !old.bannedAt(nowMillis)) {
      old = new Entry(SCORE_AFTER_BAN, 0, old.lastEventSeq());
    }
    boolean wasBanned = old.bannedAt(nowMillis);
    int score = event.bans() ? SCORE_BAN : clamp(old.score() + event.delta());
    boolean banNow = !wasBanned && score <= SCORE_BAN;
    long bannedUntil = banNow ? nowMillis + banMillis : old.bannedUntilMillis();
    entries.put(peer, new Entry(score, bannedUntil, ++eventSeq));
    return banNow;
  }

  public boolean isBanned(PeerId peer, long nowMillis) {
    Entry e = entries.get(peer);
    return e != null && e.bannedAt(nowMillis);
  }

  /** When the peer's latest ban ends or ended; empty if it was never banned, or has had events since. */
  public OptionalLong bannedUntil(PeerId peer) {
    Entry e = entries.get(peer);
    return e == null || e.bannedUntilMillis() == 0 ? OptionalLong.empty() : OptionalLong.of(e.bannedUntilMillis());
  }

  /** The peer's score; 0 for a peer not on record. */
  public int score(PeerId peer) {
    Entry e = entries.get(peer);
    return e == null ? 0 : e.score();
  }

  /** How many peers are on record; at most {@link #peersRememberedMax}. */
  public int size() {
    return entries.size();
  }

  /**
   * Forgets the peer whose record matters least: an unbanned peer before a banned one (forgetting a ban lets a liar
   * back); among unbanned, the best-scored (it would come back at 0, losing only credit), then the one silent
   * longest; among banned, the ban ending soonest.
   */
  private void forgetOne(long nowMillis) {
    Comparator<Map.Entry<PeerId, Entry>> order = Comparator
        .<Map.Entry<PeerId, Entry>>comparingInt(e -> e.getValue().bannedAt(nowMillis) ? 1 : 0)
        .thenComparingLong(e -> e.getValue().bannedAt(nowMillis) ? e.getValue().bannedUntilMillis() : 0)
        .thenComparingInt(e -> -e.getValue().score())
        .thenComparingLong(e -> e.getValue().lastEventSeq());
    entries.entrySet().stream().min(order).map(Map.Entry::getKey).ifPresent(entries::remove);
  }

  private static int clamp(int score) {
    return Math.max(SCORE_BAN, Math.min(SCORE_MAX, score));
  }
}
