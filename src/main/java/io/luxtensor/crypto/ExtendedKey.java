package io.luxtensor.crypto;

import io.luxtensor.crypto.Bip32Exception.Reason;

/** A BIP-32 extended key: a key, its chain code, and its place in the tree as serialization records it. */
public sealed interface ExtendedKey permits ExtendedPrivateKey, ExtendedPublicKey {

  /**
   * Where a key sits in the tree.
   *
   * @param depth 0 for the master key, one more per derivation
   * @param parentFingerprint the first 4 bytes of the parent's key identifier (0 for the master key)
   * @param childNumber the index this key was derived at (0 for the master key)
   */
  record Position(int depth, int parentFingerprint, int childNumber) {
    public static final Position MASTER = new Position(0, 0, 0);

    public Position {
      if (depth < 0 || depth > DerivationPath.DEPTH_MAX) {
        throw new IllegalArgumentException("depth " + depth + " is not in [0, " + DerivationPath.DEPTH_MAX + "]");
      }
    }

    /** The position of child {@code index} of the key at this position, whose fingerprint is given. */
    public Position child(int parentFingerprint, int index) {
      if (depth == DerivationPath.DEPTH_MAX) {
        throw new Bip32Exception(Reason.TOO_DEEP, "cannot derive below depth " + depth);
      }
      return new Position(depth + 1, parentFingerprint, index);
    }
  }

  Position position();

  /** The 32-byte chain code. */
  byte[] chainCode();

  /** The Base58Check serialization: {@code xprv...} or {@code xpub...} (mainnet version bytes). */
  String toBase58();

  /**
   * An {@code xprv} or {@code xpub}, checked as BIP-32 requires (test vector 5): version, length, checksum, key data
   * on the right side of private/public, scalar in range or point on the curve, and a master key's zero fields.
   *
   * @throws Bip32Exception naming what is wrong
   */
  static ExtendedKey parse(String base58) {
    return ExtendedKeyCodec.decode(base58);
  }
}
