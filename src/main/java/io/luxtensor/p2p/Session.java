package io.luxtensor.p2p;

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
  public byte[] seal(Message message) {
    return sealer.seal(MessageCodec.encode(message, capabilities.deflate()));
  }

  /**
   * The message in the body of the next frame.
   *
   * @throws TransportException if it fails authentication or is not a well-formed message
   */
  public Message open(byte[] body) throws TransportException {
    return MessageCodec.decode(opener.open(body), capabilities.deflate());
  }
}
