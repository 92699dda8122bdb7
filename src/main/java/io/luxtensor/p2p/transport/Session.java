package io.luxtensor.p2p.transport;

import io.luxtensor.crypto.PublicKey;
import io.luxtensor.sync.PeerId;

/**
 * What a finished handshake gives: the proven node key of the remote, the capabilities both offered, and the ciphers
 * of the two directions (each mutable: it counts frames).
 */
public record Session(PublicKey remoteKey, Capabilities capabilities, FrameCipher sealer, FrameCipher opener) {
  public PeerId peerId() {
    return PeerId.of(remoteKey);
  }

  /** The frame carrying {@code message}. */
  public byte[] seal(RawMessage message) {
    return sealer.seal(RawMessageCodec.encode(message, capabilities.deflate()));
  }

  /**
   * The message in the body of the next frame.
   *
   * @throws TransportException if it fails authentication or is not a well-formed message
   */
  public RawMessage open(byte[] body) throws TransportException {
    return RawMessageCodec.decode(opener.open(body), capabilities.deflate());
  }
}
