package io.luxtensor.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/** SEC1 compressed public keys: 33 bytes, 0x02 or 0x03 (the parity of y) then x. BIP-32 serializes keys this way. */
final class CompressedPublicKeys {
  static final int LENGTH = 33;
  private static final ECCurve CURVE = CustomNamedCurves.getByName("secp256k1").getCurve();

  private CompressedPublicKeys() {}

  static byte[] encode(PublicKey key) {
    byte[] xy = key.toBytes();
    byte[] out = new byte[LENGTH];
    out[0] = (byte) ((xy[63] & 1) == 0 ? 0x02 : 0x03);
    System.arraycopy(xy, 0, out, 1, 32);
    return out;
  }

  /** @throws IllegalArgumentException if {@code compressed} is not the compressed form of a point on secp256k1 */
  static PublicKey decode(byte[] compressed) {
    if (compressed.length != LENGTH || (compressed[0] != 0x02 && compressed[0] != 0x03)) {
      throw new IllegalArgumentException("a compressed public key is 33 bytes starting with 0x02 or 0x03");
    }
    ECPoint point = CURVE.decodePoint(compressed);
    return PublicKey.fromBytes(Arrays.copyOfRange(point.getEncoded(false), 1, 65));
  }
}
