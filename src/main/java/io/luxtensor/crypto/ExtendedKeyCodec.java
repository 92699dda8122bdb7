package io.luxtensor.crypto;

import io.luxtensor.crypto.Bip32Exception.Reason;
import io.luxtensor.crypto.ExtendedKey.Position;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** The 78-byte BIP-32 serialization: version, depth, parent fingerprint, child number, chain code, key data. */
final class ExtendedKeyCodec {
  static final int XPRV_VERSION = 0x0488ADE4;
  static final int XPUB_VERSION = 0x0488B21E;
  static final int LENGTH = 78;
  static final int CHAIN_CODE_LENGTH = 32;

  private ExtendedKeyCodec() {}

  static String encode(int version, Position position, byte[] chainCode, byte[] keyData) {
    ByteBuffer out = ByteBuffer.allocate(LENGTH)
        .putInt(version)
        .put((byte) position.depth())
        .putInt(position.parentFingerprint())
        .putInt(position.childNumber())
        .put(chainCode)
        .put(keyData);
    byte[] bytes = out.array();
    try {
      return Base58.encodeChecked(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  static ExtendedKey decode(String text) {
    byte[] data;
    try {
      data = Base58.decodeChecked(text);
    } catch (Base58Exception e) {
      throw new Bip32Exception(Reason.INVALID_BASE58_CHECK, e.getMessage(), e);
    }
    if (data.length != LENGTH) {
      throw new Bip32Exception(Reason.WRONG_LENGTH, "got " + data.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(data);
    int version = in.getInt();
    Position position = new Position(in.get() & 0xff, in.getInt(), in.getInt());
    byte[] chainCode = new byte[CHAIN_CODE_LENGTH];
    in.get(chainCode);
    byte[] keyData = new byte[CompressedPublicKeys.LENGTH];
    in.get(keyData);
    Arrays.fill(data, (byte) 0);
    if (version != XPRV_VERSION && version != XPUB_VERSION) {
      throw new Bip32Exception(Reason.UNKNOWN_VERSION, String.format("0x%08x, not xprv or xpub", version));
    }
    boolean privateData = keyData[0] == 0x00;
    boolean publicData = keyData[0] == 0x02 || keyData[0] == 0x03;
    if ((version == XPRV_VERSION && publicData) || (version == XPUB_VERSION && privateData)) {
      throw new Bip32Exception(Reason.VERSION_KEY_MISMATCH, version == XPRV_VERSION ? "xprv with a public key" : "xpub with a private key");
    }
    if (position.depth() == 0 && position.parentFingerprint() != 0) {
      throw new Bip32Exception(Reason.ZERO_DEPTH_WITH_PARENT_FINGERPRINT, "");
    }
    if (position.depth() == 0 && position.childNumber() != 0) {
      throw new Bip32Exception(Reason.ZERO_DEPTH_WITH_CHILD_NUMBER, "");
    }
    try {
      return version == XPRV_VERSION
          ? new ExtendedPrivateKey(privateKey(keyData), chainCode, position)
          : new ExtendedPublicKey(publicKey(keyData), chainCode, position);
    } finally {
      Arrays.fill(keyData, (byte) 0);
    }
  }

  private static PrivateKey privateKey(byte[] keyData) {
    if (keyData[0] != 0x00) {
      throw new Bip32Exception(Reason.INVALID_PRIVATE_KEY, String.format("must start with 0x00, starts with 0x%02x", keyData[0]));
    }
    BigInteger k = new BigInteger(1, Arrays.copyOfRange(keyData, 1, keyData.length));
    if (k.signum() == 0 || k.compareTo(Secp256k1.N) >= 0) {
      throw new Bip32Exception(Reason.INVALID_PRIVATE_KEY, "scalar is not in [1, n-1]");
    }
    return PrivateKey.fromScalar(k);
  }

  private static PublicKey publicKey(byte[] keyData) {
    if (keyData[0] != 0x02 && keyData[0] != 0x03) {
      throw new Bip32Exception(Reason.INVALID_PUBLIC_KEY, String.format("must start with 0x02 or 0x03, starts with 0x%02x", keyData[0]));
    }
    try {
      return CompressedPublicKeys.decode(keyData);
    } catch (IllegalArgumentException notOnCurve) {
      throw new Bip32Exception(Reason.INVALID_PUBLIC_KEY, "not a point on secp256k1", notOnCurve);
    }
  }
}
