package io.luxtensor.types;

import io.luxtensor.crypto.InvalidSignatureException;
import io.luxtensor.crypto.Secp256k1;
import io.luxtensor.crypto.Signature;
import io.luxtensor.rlp.RlpDecodingException;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;

/**
 * A vote with its validator's signature.
 *
 * @param vote what was voted
 * @param validator who claims to have voted
 * @param signature over {@link Vote#signingHash}
 */
public record SignedVote(Vote vote, Address validator, Signature signature) {

  public RlpList toRlp() {
    return RlpList.of(vote.toRlp(), RlpString.of(validator.toBytes()), RlpString.of(signature.toBytes()));
  }

  /** @throws RlpDecodingException naming the malformed field */
  public static SignedVote fromRlp(RlpItem item) {
    RlpList f = item.asList("signed vote").expectSize("signed vote", 3);
    return new SignedVote(Vote.fromRlp(f.get(0)),
        Address.wrap(f.get(1).asString("vote.validator").asBytes("vote.validator", Address.LENGTH)),
        Signatures.fromBytes(f.get(2).asString("vote.signature").asBytes("vote.signature", 65), "vote.signature"));
  }

  /** Whether the signature is {@code validator}'s over this vote on {@code chainId}. */
  public boolean isSignedBy(long chainId) {
    try {
      return Address.of(Secp256k1.recover(vote.signingHash(chainId), signature)).equals(validator);
    } catch (InvalidSignatureException e) {
      return false;
    }
  }
}
