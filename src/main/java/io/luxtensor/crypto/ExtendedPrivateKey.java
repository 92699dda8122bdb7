package io.luxtensor.crypto;

import io.luxtensor.crypto.Bip32Exception.Reason;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A BIP-32 extended private key: derives private children, hardened or normal. It is a secret: {@code toString}
 * shows only its position, and {@link #toBase58()} is the one way its key leaves.
 */
public final class ExtendedPrivateKey implements ExtendedKey {
  /** BIP-32: seeds are 128 to 512 bits. */
  public static final int SEED_BYTES_MIN = 16;
  public static final int SEED_BYTES_MAX = 64;
  private static final byte[] MASTER_HMAC_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);

  private final PrivateKey key;
  private final byte[] chainCode;
  private final Position position;

  ExtendedPrivateKey(PrivateKey key, byte[] chainCode, Position position) {
    this.key = key;
    this.chainCode = chainCode.clone();
    this.position = position;
  }

  /**
   * The master key of {@code seed}: HMAC-SHA512 keyed with "Bitcoin seed".
   *
   * @throws Bip32Exception if the seed gives an invalid master key (probability below 2^-127)
   */
  public static ExtendedPrivateKey fromSeed(byte[] seed) {
    if (seed.length < SEED_BYTES_MIN || seed.length > SEED_BYTES_MAX) {
      throw new IllegalArgumentException("a BIP-32 seed is 16 to 64 bytes, got " + seed.length);
    }
    return fromHmac(hmacSha512(MASTER_HMAC_KEY, seed), BigInteger.ZERO, Position.MASTER);
  }

  /**
   * Child {@code index} ({@link DerivationPath#HARDENED_BIT} set for a hardened child).
   *
   * @throws Bip32Exception if this index gives an invalid key (probability below 2^-127; use the next index) or
   *     this key is at the maximum depth
   */
  public ExtendedPrivateKey deriveChild(int index) {
    ExtendedPublicKey parent = neuter();
    Position childPosition = position.child(parent.fingerprint(), index);
    ByteBuffer data = ByteBuffer.allocate(CompressedPublicKeys.LENGTH + 4);
    byte[] parentKeyData = DerivationPath.isHardened(index) ? privateKeyData() : CompressedPublicKeys.encode(parent.publicKey());
    data.put(parentKeyData).putInt(index);
    byte[] hmac = hmacSha512(chainCode, data.array());
    Arrays.fill(parentKeyData, (byte) 0);
    Arrays.fill(data.array(), (byte) 0);
    return fromHmac(hmac, key.scalar(), childPosition);
  }

  /** The key at {@code path} below this one. */
  public ExtendedPrivateKey derive(DerivationPath path) {
    ExtendedPrivateKey current = this;
    for (int index : path.indices()) {
      current = current.deriveChild(index);
    }
    return current;
  }

  /**
   * The key BIP-32 makes of an HMAC output I = I_L || I_R: I_L + {@code parentScalar} (mod n) with chain code I_R,
   * invalid when I_L &ge; n or the sum is 0. Package-private so that the rejection can be tested with chosen I.
   */
  static ExtendedPrivateKey fromHmac(byte[] hmac, BigInteger parentScalar, Position position) {
    try {
      BigInteger left = new BigInteger(1, Arrays.copyOfRange(hmac, 0, 32));
      BigInteger k = left.add(parentScalar).mod(Secp256k1.N);
      if (left.compareTo(Secp256k1.N) >= 0 || k.signum() == 0) {
        throw new Bip32Exception(
            Reason.INVALID_DERIVED_KEY,
            position.depth() == 0 ? "master key" : "child " + DerivationPath.format(position.childNumber()));
      }
      return new ExtendedPrivateKey(PrivateKey.fromScalar(k), Arrays.copyOfRange(hmac, 32, 64), position);
    } finally {
      Arrays.fill(hmac, (byte) 0);
    }
  }

  public PrivateKey privateKey() {
    return key;
  }

  /** The extended public key with the same chain code and position (BIP-32's N function). */
  public ExtendedPublicKey neuter() {
    return new ExtendedPublicKey(key.publicKey(), chainCode, position);
  }

  @Override
  public Position position() {
    return position;
  }

  @Override
  public byte[] chainCode() {
    return chainCode.clone();
  }

  @Override
  public String toBase58() {
    byte[] keyData = privateKeyData();
    try {
      return ExtendedKeyCodec.encode(ExtendedKeyCodec.XPRV_VERSION, position, chainCode, keyData);
    } finally {
      Arrays.fill(keyData, (byte) 0);
    }
  }

  /** 0x00 || ser256(k): the 33 bytes BIP-32 serializes and hashes for hardened children. */
  private byte[] privateKeyData() {
    byte[] keyData = new byte[CompressedPublicKeys.LENGTH];
    System.arraycopy(key.toBytes(), 0, keyData, 1, 32);
    return keyData;
  }

  private static byte[] hmacSha512(byte[] hmacKey, byte[] data) {
    HMac hmac = new HMac(new SHA512Digest());
    hmac.init(new KeyParameter(hmacKey));
    hmac.update(data, 0, data.length);
    byte[] out = new byte[hmac.getMacSize()];
    hmac.doFinal(out, 0);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExtendedPrivateKey other
        && key.equals(other.key)
        && Arrays.equals(chainCode, other.chainCode)
        && position.equals(other.position);
  }

  @Override
  public int hashCode() {
    return position.hashCode();
  }

  @Override
  public String toString() {
    return "ExtendedPrivateKey[" + position + ", redacted]";
  }
}
