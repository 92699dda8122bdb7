package io.luxtensor.p2p.transport;

import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.crypto.Secp256k1;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** A one-handshake secp256k1 key pair for ECDH; used once and dropped, which gives sessions forward secrecy. */
final class EphemeralKey {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

  private final BigInteger scalar;
  private final byte[] compressed;

  private EphemeralKey(BigInteger scalar) {
    this.scalar = scalar;
    this.compressed = new FixedPointCombMultiplier().multiply(CURVE.getG(), scalar).getEncoded(true);
  }

  static EphemeralKey random(SecureRandom random) {
    return new EphemeralKey(PrivateKey.random(random).scalar());
  }

  /** The public key, 33 bytes SEC1-compressed. */
  byte[] compressed() {
    return compressed.clone();
  }

  /**
   * The shared secret with the holder of {@code remoteCompressed}: the 32-byte x coordinate of the product.
   *
   * @throws TransportException {@link CloseReason#BAD_HANDSHAKE} if it is not a compressed point on the curve
   */
  byte[] agree(byte[] remoteCompressed) throws TransportException {
    if (remoteCompressed.length != Hello.EPHEMERAL_KEY_BYTES
        || (remoteCompressed[0] != 0x02 && remoteCompressed[0] != 0x03)) {
      throw new TransportException(CloseReason.BAD_HANDSHAKE, "ephemeral key is not a compressed point");
    }
    ECPoint remote;
    try {
      remote = CURVE.getCurve().decodePoint(remoteCompressed);
    } catch (IllegalArgumentException e) {
      throw new TransportException(CloseReason.BAD_HANDSHAKE, "ephemeral key is not on secp256k1");
    }
    // secp256k1 has cofactor 1, so every point on the curve is in the group; only infinity is degenerate.
    ECPoint shared = remote.multiply(scalar).normalize();
    if (shared.isInfinity()) {
      throw new TransportException(CloseReason.BAD_HANDSHAKE, "ECDH gave the point at infinity");
    }
    return Secp256k1.toBytes32(shared.getAffineXCoord().toBigInteger());
  }
}
