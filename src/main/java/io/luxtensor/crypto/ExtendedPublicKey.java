package io.luxtensor.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** A BIP-32 extended public key: a public key with its chain code and position. */
public final class ExtendedPublicKey implements ExtendedKey {
  private final PublicKey key;
  private final byte[] chainCode;
  private final Position position;

  ExtendedPublicKey(PublicKey key, byte[] chainCode, Position position) {
    this.key = key;
    this.chainCode = chainCode.clone();
    this.position = position;
  }

  public PublicKey publicKey() {
    return key;
  }

  /** The first 4 bytes of the key identifier RIPEMD160(SHA256(compressed key)), which children record. */
  public int fingerprint() {
    byte[] sha = Sha256.hash(CompressedPublicKeys.encode(key));
    RIPEMD160Digest ripemd = new RIPEMD160Digest();
    ripemd.update(sha, 0, sha.length);
    byte[] identifier = new byte[ripemd.getDigestSize()];
    ripemd.doFinal(identifier, 0);
    return ByteBuffer.wrap(identifier).getInt();
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
    return ExtendedKeyCodec.encode(ExtendedKeyCodec.XPUB_VERSION, position, chainCode, CompressedPublicKeys.encode(key));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExtendedPublicKey other
        && key.equals(other.key)
        && Arrays.equals(chainCode, other.chainCode)
        && position.equals(other.position);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + position.hashCode();
  }

  @Override
  public String toString() {
    return "ExtendedPublicKey[" + toBase58() + "]";
  }
}
