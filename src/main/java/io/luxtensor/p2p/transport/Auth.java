package io.luxtensor.p2p.transport;

import io.luxtensor.crypto.InvalidSignatureException;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.crypto.PublicKey;
import io.luxtensor.crypto.Secp256k1;
import io.luxtensor.crypto.Signature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The first encrypted frame of each side: its static node key and a signature by that key over
 * keccak256(domain || role || transcript). The transcript binds it to this session's ephemeral keys and nonces, the
 * role stops a peer from reflecting our own proof back to us.
 */
public record Auth(PublicKey nodeKey, Signature signature) {
  private static final byte[] DOMAIN = "luxtensor/p2p/v1/auth".getBytes(StandardCharsets.US_ASCII);
  private static final int KEY_BYTES = 64;
  private static final int SIGNATURE_BYTES = 65;
  static final int BYTES = KEY_BYTES + SIGNATURE_BYTES;

  static Auth sign(PrivateKey key, Role signer, byte[] transcript) {
    return new Auth(key.publicKey(), Secp256k1.sign(signedHash(signer, transcript), key));
  }

  byte[] encode() {
    byte[] out = new byte[BYTES];
    System.arraycopy(nodeKey.toBytes(), 0, out, 0, KEY_BYTES);
    System.arraycopy(signature.toBytes(), 0, out, KEY_BYTES, SIGNATURE_BYTES);
    return out;
  }

  /** @throws TransportException {@link CloseReason#BAD_HANDSHAKE} if the length or the key is invalid */
  static Auth decode(byte[] body) throws TransportException {
    if (body.length != BYTES) {
      throw new TransportException(CloseReason.BAD_HANDSHAKE, "an auth is " + BYTES + " bytes, got " + body.length);
    }
    PublicKey key;
    try {
      key = PublicKey.fromBytes(Arrays.copyOf(body, KEY_BYTES));
    } catch (IllegalArgumentException e) {
      throw new TransportException(CloseReason.BAD_HANDSHAKE, "auth node key: " + e.getMessage());
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(body, KEY_BYTES, KEY_BYTES + 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(body, KEY_BYTES + 32, KEY_BYTES + 64));
    return new Auth(key, new Signature(r, s, body[BYTES - 1] & 0xff));
  }

  /**
   * Checks that the claimed node key signed this transcript in the role {@code signer}.
   *
   * @throws TransportException {@link CloseReason#BAD_HANDSHAKE} if it did not
   */
  void verify(Role signer, byte[] transcript) throws TransportException {
    PublicKey recovered;
    try {
      recovered = Secp256k1.recover(signedHash(signer, transcript), signature);
    } catch (InvalidSignatureException e) {
      throw new TransportException(CloseReason.BAD_HANDSHAKE, "auth " + e.getMessage());
    }
    if (!recovered.equals(nodeKey)) {
      throw new TransportException(CloseReason.BAD_HANDSHAKE,
          "auth signature is not by the node key it claims (or not for this session and role)");
    }
  }

  private static byte[] signedHash(Role signer, byte[] transcript) {
    byte[] message = new byte[DOMAIN.length + 1 + transcript.length];
    System.arraycopy(DOMAIN, 0, message, 0, DOMAIN.length);
    message[DOMAIN.length] = signer.wire();
    System.arraycopy(transcript, 0, message, DOMAIN.length + 1, transcript.length);
    return Keccak256.hash(message);
  }
}
