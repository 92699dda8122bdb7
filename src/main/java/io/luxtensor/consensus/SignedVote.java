package io.luxtensor.consensus;

import io.luxtensor.crypto.InvalidSignatureException;
import io.luxtensor.crypto.Secp256k1;
import io.luxtensor.crypto.Signature;
import io.luxtensor.types.Address;

/**
 * A vote with its validator's signature.
 *
 * @param vote what was voted
 * @param validator who claims to have voted
 * @param signature over {@link Vote#signingHash}
 */
public record SignedVote(Vote vote, Address validator, Signature signature) {

  /** Whether the signature is {@code validator}'s over this vote on {@code chainId}. */
  public boolean isSignedBy(long chainId) {
    try {
      return Address.of(Secp256k1.recover(vote.signingHash(chainId), signature)).equals(validator);
    } catch (InvalidSignatureException e) {
      return false;
    }
  }
}
