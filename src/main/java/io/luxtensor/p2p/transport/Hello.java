package io.luxtensor.p2p.transport;

import io.luxtensor.bytes.Hex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The plaintext first frame of each side: protocol magic and version, capabilities, a fresh ephemeral secp256k1 key
 * (33 bytes, compressed) and a 32-byte random nonce. Decoding is strict, so the bytes hashed into the transcript are
 * exactly the bytes of the record.
 */
public record Hello(Capabilities capabilities, byte[] ephemeralKey, byte[] nonce) {
  static final byte[] MAGIC = "LUXT".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int EPHEMERAL_KEY_BYTES = 33;
  static final int NONCE_BYTES = 32;
  /** magic, version, capabilities, ephemeral key, nonce. */
  static final int BYTES = MAGIC.length + 1 + Integer.BYTES + EPHEMERAL_KEY_BYTES + NONCE_BYTES;

  public Hello {
    if (ephemeralKey.length != EPHEMERAL_KEY_BYTES || nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException("a hello has a 33-byte ephemeral key and a 32-byte nonce");
    }
    ephemeralKey = ephemeralKey.clone();
    nonce = nonce.clone();
  }

  @Override
  public byte[] ephemeralKey() {
    return ephemeralKey.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  public byte[] encode() {
    return ByteBuffer.allocate(BYTES).put(MAGIC).put((byte) VERSION).putInt(capabilities.bits()).put(ephemeralKey)
        .put(nonce).array();
  }

  /**
   * @throws TransportException {@link CloseReason#BAD_HANDSHAKE} if {@code body} is not a version-1 hello
   *     (the ephemeral key is checked to be a curve point when it is used)
   */
  public static Hello decode(byte[] body) throws TransportException {
    if (body.length < MAGIC.length || !Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      // What came instead tells an operator who is dialing: "GET " or "HTTP" is a web client or server.
      throw new TransportException(CloseReason.BAD_HANDSHAKE, "not a LuxTensor hello (wrong magic): a frame of "
          + body.length + " bytes starting " + Hex.encode(Arrays.copyOf(body, Math.min(body.length, 8))));
    }
    if (body.length > MAGIC.length && body[MAGIC.length] != VERSION) {
      throw new TransportException(CloseReason.BAD_HANDSHAKE,
          "unsupported protocol version " + (body[MAGIC.length] & 0xff) + ", this node speaks " + VERSION);
    }
    if (body.length != BYTES) {
      throw new TransportException(CloseReason.BAD_HANDSHAKE,
          "a hello is " + BYTES + " bytes, got " + body.length);
    }
    ByteBuffer in = ByteBuffer.wrap(body, MAGIC.length + 1, BYTES - MAGIC.length - 1);
    Capabilities capabilities = new Capabilities(in.getInt());
    byte[] ephemeralKey = new byte[EPHEMERAL_KEY_BYTES];
    byte[] nonce = new byte[NONCE_BYTES];
    in.get(ephemeralKey).get(nonce);
    return new Hello(capabilities, ephemeralKey, nonce);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hello other && Arrays.equals(encode(), other.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "Hello[" + capabilities + "]";
  }
}
