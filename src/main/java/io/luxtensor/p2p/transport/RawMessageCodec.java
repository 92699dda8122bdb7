package io.luxtensor.p2p.transport;

import java.util.Arrays;

/**
 * A message as the plaintext of a frame: 1 byte type, 1 byte flags (bit 0: the payload is deflated), the payload.
 * Payloads are compressed only when both sides offered it, they are long enough to gain, and deflate makes them
 * smaller.
 */
final class RawMessageCodec {
  private static final int FLAG_DEFLATED = 1;

  private RawMessageCodec() {}

  static byte[] encode(RawMessage message, boolean compression) {
    byte[] payload = message.payload();
    int flags = 0;
    if (compression && payload.length >= TransportLimits.COMPRESS_PAYLOAD_BYTES_MIN) {
      byte[] deflated = Deflate.compress(payload);
      if (deflated.length < payload.length) {
        payload = deflated;
        flags = FLAG_DEFLATED;
      }
    }
    byte[] out = new byte[TransportLimits.MESSAGE_HEADER_BYTES + payload.length];
    out[0] = (byte) message.type();
    out[1] = (byte) flags;
    System.arraycopy(payload, 0, out, TransportLimits.MESSAGE_HEADER_BYTES, payload.length);
    return out;
  }

  /**
   * @throws TransportException {@link CloseReason#PROTOCOL_ERROR} for a short plaintext, unknown flags or a
   *     deflated payload when compression was not negotiated; {@link CloseReason#DECOMPRESSED_TOO_LARGE} for a bomb
   */
  static RawMessage decode(byte[] plaintext, boolean compression) throws TransportException {
    if (plaintext.length < TransportLimits.MESSAGE_HEADER_BYTES) {
      throw new TransportException(CloseReason.PROTOCOL_ERROR,
          "message of " + plaintext.length + " bytes has no type and flags");
    }
    int type = plaintext[0] & 0xff;
    int flags = plaintext[1] & 0xff;
    if ((flags & ~FLAG_DEFLATED) != 0) {
      throw new TransportException(CloseReason.PROTOCOL_ERROR, "unknown message flags " + flags);
    }
    byte[] payload = Arrays.copyOfRange(plaintext, TransportLimits.MESSAGE_HEADER_BYTES, plaintext.length);
    if ((flags & FLAG_DEFLATED) != 0) {
      if (!compression) {
        throw new TransportException(CloseReason.PROTOCOL_ERROR, "deflated payload without negotiated compression");
      }
      payload = Deflate.inflate(payload, TransportLimits.PAYLOAD_BYTES_MAX);
    }
    return new RawMessage(type, payload);
  }
}
