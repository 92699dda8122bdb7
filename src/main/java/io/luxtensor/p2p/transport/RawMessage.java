package io.luxtensor.p2p.transport;

/**
 * One message as the transport carries it: a type (0-255) that the message codecs above define, and its payload.
 *
 * @param type the message type, one unsigned byte
 * @param payload the bytes of the message, at most {@link TransportLimits#PAYLOAD_BYTES_MAX}
 */
public record RawMessage(int type, byte[] payload) {
  public static final int TYPE_MAX = 0xff;

  public RawMessage {
    if (type < 0 || type > TYPE_MAX) {
      throw new IllegalArgumentException("message type must be 0-255, got " + type);
    }
    if (payload.length > TransportLimits.PAYLOAD_BYTES_MAX) {
      throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds "
          + TransportLimits.PAYLOAD_BYTES_MAX);
    }
  }
}
