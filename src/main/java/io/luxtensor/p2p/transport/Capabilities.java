package io.luxtensor.p2p.transport;

/**
 * The optional features a node offers in its hello, as bits; a session uses those both sides offered. Unknown bits
 * are kept (and ignored) so a later version can add features without breaking this one.
 *
 * @param bits bit 0: deflate compression of payloads
 */
public record Capabilities(int bits) {
  private static final int DEFLATE = 1;
  public static final Capabilities NONE = new Capabilities(0);
  public static final Capabilities ALL = new Capabilities(DEFLATE);

  public boolean deflate() {
    return (bits & DEFLATE) != 0;
  }

  /** What a session between a node offering this and one offering {@code other} may use. */
  public Capabilities and(Capabilities other) {
    return new Capabilities(bits & other.bits);
  }
}
