package io.luxtensor.consensus;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.Ecvrf;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.util.Objects;

/**
 * An active validator.
 *
 * @param address the account of its secp256k1 signing key (blocks and votes)
 * @param stake its weight in proposer selection and votes
 * @param vrfPublicKey its ECVRF-P256 public key (33 bytes, compressed) for RANDAO proofs
 */
public record Validator(Address address, Wei stake, Bytes vrfPublicKey) {
  public Validator {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(stake, "stake");
    Objects.requireNonNull(vrfPublicKey, "vrfPublicKey");
    if (vrfPublicKey.length() != Ecvrf.PUBLIC_KEY_BYTES) {
      throw new IllegalArgumentException("a VRF public key is 33 bytes (compressed P-256), got " + vrfPublicKey.length());
    }
    if (stake.isZero()) {
      throw new IllegalArgumentException("validator " + address + " has no stake");
    }
  }
}
