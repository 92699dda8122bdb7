package io.luxtensor.p2p.transport;

/** Every size limit of the transport, with the reason for its number; a test checks how they relate. */
public final class TransportLimits {
  /**
   * The largest frame (ciphertext, after the 4-byte length). The largest message is a sync batch of 128 blocks
   * (DESIGN.md §6); 16 MiB allows them 128 KiB each on average.
   */
  public static final int FRAME_BYTES_MAX = 16 * 1024 * 1024;

  /** The AES-GCM authentication tag that ends every frame. */
  public static final int TAG_BYTES = 16;

  /** RawMessage type and flags, before the payload in a frame's plaintext. */
  public static final int MESSAGE_HEADER_BYTES = 2;

  /**
   * The largest payload, sent plainly or after inflating: what fits one frame uncompressed, so compression never lets
   * a peer make us hold more than it could send without it.
   */
  public static final int PAYLOAD_BYTES_MAX = FRAME_BYTES_MAX - TAG_BYTES - MESSAGE_HEADER_BYTES;

  /**
   * The largest frame before the handshake ends (a hello is 74 bytes, an encrypted auth 145): a peer that has proven
   * nothing yet cannot make us buffer more than this.
   */
  public static final int HANDSHAKE_FRAME_BYTES_MAX = 256;

  /** Payloads shorter than this are sent as they are: deflate's header and CPU cost outweigh what it would save. */
  public static final int COMPRESS_PAYLOAD_BYTES_MIN = 1024;

  /**
   * Bytes waiting in a connection's write queue before it is closed: a peer may lag by a few of the largest
   * messages; one further behind is not reading, and buffering for it would grow without bound. Checked before each
   * write, so the queue holds at most this plus one frame.
   */
  public static final int SEND_QUEUE_BYTES_MAX = 4 * FRAME_BYTES_MAX;

  /**
   * Inbound handshakes in progress at once: each costs an ECDH and a signature on the worker pool before the peer has
   * proven anything, so more than this at once is a flood, not a network.
   */
  public static final int HANDSHAKES_PENDING_MAX = 64;

  private TransportLimits() {}
}
