package io.luxtensor.consensus;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.Ecvrf;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.types.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A validator's secrets: the secp256k1 key that signs blocks and votes, and the ECVRF-P256 key that proves RANDAO
 * outputs. {@code toString} reveals neither.
 */
public final class ValidatorKeys {
  private static final BigInteger P256_ORDER =
      new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
  private static final byte[] VRF_DERIVATION_DOMAIN = "LUXTENSOR_VRF_KEY".getBytes(StandardCharsets.US_ASCII);

  private final PrivateKey signingKey;
  private final byte[] vrfSecretKey;
  private final Address address;
  private final Bytes vrfPublicKey;
  private volatile LastProof lastProof;

  public ValidatorKeys(PrivateKey signingKey, byte[] vrfSecretKey) {
    this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
    this.vrfSecretKey = vrfSecretKey.clone();
    this.address = Address.of(signingKey.publicKey());
    this.vrfPublicKey = Bytes.of(Ecvrf.publicKey(vrfSecretKey));
  }

  /**
   * Keys whose VRF key is derived from the signing key (keccak256 of a domain and the key, reduced into P-256's
   * scalar range), for dev and test networks where one secret per validator is simpler to hand out.
   */
  public static ValidatorKeys derivedFrom(PrivateKey signingKey) {
    byte[] signing = signingKey.toBytes();
    byte[] input = new byte[VRF_DERIVATION_DOMAIN.length + signing.length];
    System.arraycopy(VRF_DERIVATION_DOMAIN, 0, input, 0, VRF_DERIVATION_DOMAIN.length);
    System.arraycopy(signing, 0, input, VRF_DERIVATION_DOMAIN.length, signing.length);
    BigInteger scalar = new BigInteger(1, Keccak256.hash(input))
        .mod(P256_ORDER.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    byte[] secret = new byte[32];
    byte[] raw = scalar.toByteArray();
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, secret, 32 - copy, copy);
    return new ValidatorKeys(signingKey, secret);
  }

  public Address address() {
    return address;
  }

  public PrivateKey signingKey() {
    return signingKey;
  }

  public Bytes vrfPublicKey() {
    return vrfPublicKey;
  }

  /**
   * The ECVRF proof over {@code alpha}. The last one is kept: the input is the epoch's, so every block of an epoch asks
   * for the same proof, and proving costs ~1 ms of P-256 arithmetic (23% of a dev node's CPU under load, JFR).
   */
  public byte[] proveVrf(byte[] alpha) {
    LastProof known = lastProof;
    if (known != null && Arrays.equals(known.alpha(), alpha)) {
      return known.proof().clone();
    }
    byte[] proof = Ecvrf.prove(vrfSecretKey, alpha);
    lastProof = new LastProof(alpha.clone(), proof.clone());
    return proof;
  }

  /** A proof and its input; published whole through the volatile field, so any thread may read it. */
  private record LastProof(byte[] alpha, byte[] proof) {}

  @Override
  public String toString() {
    return "ValidatorKeys[" + address + "]";
  }
}
