package io.luxtensor.sync;

/**
 * Something a peer did that changes how far it is trusted, with the score change it earns. Sync answers and gossip
 * verdicts feed the same {@link PeerScores}.
 */
public enum PeerEvent {
  /** A full, valid answer to a request. */
  USEFUL_RESPONSE(1),
  /**
   * Fewer blocks than asked, or none. Batch sizes keep an answer within one frame, so a peer whose reported head
   * covers the range and answers short either lied about its head or is shedding load; ten such answers ban it.
   */
  EMPTY_OR_SHORT_RESPONSE(-5),
  /** No answer before the adaptive deadline; five in a row ban the peer, as a dead link should be dropped. */
  TIMEOUT(-10),
  /** A gossiped block or vote that passed validation and was new. */
  GOSSIP_ACCEPTED(1),
  /**
   * A gossiped block or vote that failed validation. Not an outright ban: an honest peer may relay what it could
   * not yet check (a block on a fork it has not seen finalized away).
   */
  GOSSIP_REJECTED(-20),
  /** Data that fails a check the peer must have made itself: wrong links, roots or signatures. */
  INVALID_DATA(Integer.MIN_VALUE),
  /** Garbage on the wire, oversized frames, messages out of protocol order. */
  PROTOCOL_VIOLATION(Integer.MIN_VALUE);

  private final int delta;

  PeerEvent(int delta) {
    this.delta = delta;
  }

  /** Whether this event bans the peer at once, whatever its score. */
  public boolean bans() {
    return delta == Integer.MIN_VALUE;
  }

  /** The score change; meaningless for events that ban. */
  int delta() {
    return delta;
  }
}
