package io.luxtensor.crypto;

/**
 * BIP-44 paths m / purpose' / coin_type' / account' / change / address_index for Ethereum (SLIP-44 coin type 60),
 * the path MetaMask, Ledger, Hardhat and Foundry derive accounts at.
 */
public final class Bip44 {
  public static final int PURPOSE = 44;
  public static final int ETHEREUM_COIN_TYPE = 60;

  private Bip44() {}

  /** {@code m/44'/60'/0'/0/addressIndex}. @throws Bip32Exception unless the index is in [0, 2^31 - 1] */
  public static DerivationPath ethereumPath(int addressIndex) {
    return DerivationPath.MASTER
        .child(DerivationPath.hardened(PURPOSE))
        .child(DerivationPath.hardened(ETHEREUM_COIN_TYPE))
        .child(DerivationPath.hardened(0))
        .child(0)
        .child(DerivationPath.checkNormal(addressIndex));
  }

  /** The key of Ethereum account {@code addressIndex} of a BIP-39 seed. */
  public static PrivateKey ethereumKey(byte[] seed, int addressIndex) {
    return ExtendedPrivateKey.fromSeed(seed).derive(ethereumPath(addressIndex)).privateKey();
  }
}
